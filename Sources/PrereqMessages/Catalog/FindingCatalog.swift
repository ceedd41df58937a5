import PrereqModel

/// Every finding code Prereq can report, with its explanation. Codes are stable: tools and
/// baselines key on them.
public enum FindingCatalog {
    public static func entry(_ code: String) -> FindingCode? {
        all.first { $0.code == code }
    }

    public static let all: [FindingCode] = loaderCodes + schemaCodes + graphCodes + structureCodes + versionCodes + stepRuleCodes + flagCodes + snapshotCodes + skippedInputCodes + commentCodes

    package static let loaderCodes: [FindingCode] = [
        FindingCode(
            code: "io-error", severity: .error, summary: "A file or folder could not be read.",
            meaning: "A path given to Prereq does not exist, is a folder where a file was expected, or cannot be read.",
            whyItMatters: "Nothing in it can be checked, so Prereq stops with exit code 2 rather than pass silently.",
            example: "prereq lint rules/missing.yaml", fix: "Correct the path or the file's permissions.",
            portuguese: FindingText(
                summary: "Não foi possível ler um arquivo ou uma pasta.",
                meaning: "Um caminho informado ao Prereq não existe, é uma pasta onde se esperava um arquivo ou não pode ser lido.",
                whyItMatters: "Nada nele pode ser verificado; por isso, o Prereq termina com o código de saída 2 em vez de passar em silêncio.",
                fix: "Corrija o caminho ou as permissões do arquivo.")),
        FindingCode(
            code: "empty-file", severity: .note, summary: "A YAML file holds no document.",
            meaning: "The file is empty or holds only comments; it contributes nothing to the pack.",
            whyItMatters: "An empty rule file is usually a mistake (a file truncated or not saved).",
            example: "# only a comment", fix: "Add the rules, or delete the file.",
            portuguese: FindingText(
                summary: "Um arquivo YAML não contém nenhum documento.",
                meaning: "O arquivo está vazio ou só tem comentários; ele não acrescenta nada ao pacote de regras.",
                whyItMatters: "Um arquivo de regras vazio costuma ser um engano (um arquivo truncado ou que não foi salvo).",
                fix: "Acrescente as regras ou exclua o arquivo.")),
        FindingCode(
            code: "empty-folder", severity: .warning, summary: "A folder holds no .yaml or .yml file.",
            meaning: "A folder given as a rule path contains no YAML file, so no rules were read from it.",
            whyItMatters: "Checks against an empty pack pass trivially and prove nothing.",
            example: "prereq lint docs/", fix: "Point --rules at the folder that holds the pack.",
            portuguese: FindingText(
                summary: "Uma pasta não contém nenhum arquivo .yaml ou .yml.",
                meaning: "Uma pasta informada como caminho de regras não tem nenhum arquivo YAML; por isso, nenhuma regra foi lida dela.",
                whyItMatters: "Verificações contra um pacote de regras vazio passam trivialmente e não provam nada.",
                fix: "Aponte --rules para a pasta que contém o pacote de regras.")),
        FindingCode(
            code: "folder-read-once", severity: .note, summary: "A folder was reached twice and read once.",
            meaning: "A symbolic link inside a rules folder leads to a folder already read (a second path to it, or a loop back to a folder above).",
            whyItMatters: "Links are followed, so a pack may be spread over linked folders; reading a folder twice would define every rule in it twice, and a loop would never end.",
            example: "rules/shared -> ../rules", fix: "Nothing to do if the link is meant; otherwise remove it.",
            portuguese: FindingText(
                summary: "Uma pasta foi alcançada duas vezes e lida uma vez.",
                meaning: "Um link simbólico dentro de uma pasta de regras leva a uma pasta já lida (um segundo caminho até ela ou um ciclo de volta a uma pasta acima).",
                whyItMatters: "Os links são seguidos, então um pacote pode estar espalhado por pastas ligadas; ler uma pasta duas vezes definiria cada regra dela duas vezes, e um ciclo não terminaria nunca.",
                fix: "Nada a fazer se o link é intencional; caso contrário, remova-o.")),
        FindingCode(
            code: "yaml-syntax", severity: .error, summary: "The file is not well-formed YAML.",
            meaning: "libyaml could not parse the file; the message gives its problem and, where known, the construct it was reading.",
            whyItMatters: "A file that does not parse cannot be read at all (exit code 2).",
            example: "requires: [a, b\nconflicts: [c]", fix: "Correct the YAML at the line and column shown.",
            portuguese: FindingText(
                summary: "O arquivo não é um YAML bem formado.",
                meaning: "A libyaml não conseguiu analisar o arquivo; a mensagem informa o problema e, quando se sabe, a construção que estava sendo lida.",
                whyItMatters: "Um arquivo que não pode ser analisado não pode ser lido de forma alguma (código de saída 2).",
                fix: "Corrija o YAML na linha e na coluna indicadas.")),
        FindingCode(
            code: "yaml-encoding", severity: .error, summary: "The file is not valid UTF-8 text.",
            meaning: "The file holds bytes that are not UTF-8 (a binary file, another encoding, or a NUL or control character).",
            whyItMatters: "Prereq reads UTF-8 YAML only; the location is that of the first bad byte.",
            example: "a file saved as Latin-1 with \"Configuração\"", fix: "Save the file as UTF-8, or remove the bad byte.",
            portuguese: FindingText(
                summary: "O arquivo não é um texto UTF-8 válido.",
                meaning: "O arquivo contém bytes que não são UTF-8 (um arquivo binário, outra codificação, ou um caractere NUL ou de controle).",
                whyItMatters: "O Prereq só lê YAML em UTF-8; a posição indicada é a do primeiro byte inválido.",
                fix: "Salve o arquivo em UTF-8 ou remova o byte inválido.")),
        FindingCode(
            code: "yaml-duplicate-key", severity: .error, summary: "A mapping has the same key twice.",
            meaning: "Two entries of one mapping have equal keys; YAML forbids it and parsers disagree on which wins.",
            whyItMatters: "One of the two definitions would be lost silently.",
            example: "features:\n  a: {name: A}\n  a: {name: B}", fix: "Remove or rename one entry; the note shows the first.",
            portuguese: FindingText(
                summary: "Um mapeamento tem a mesma chave duas vezes.",
                meaning: "Duas entradas do mesmo mapeamento têm chaves iguais; o YAML proíbe isso, e os parsers divergem sobre qual delas prevalece.",
                whyItMatters: "Uma das duas definições se perderia sem nenhum aviso.",
                fix: "Remova ou renomeie uma das entradas; a nota mostra a primeira.")),
        FindingCode(
            code: "yaml-undefined-alias", severity: .error, summary: "An alias names no anchor defined before it.",
            meaning: "`*name` must refer to a node marked `&name` earlier in the same document.",
            whyItMatters: "The value the alias stands for does not exist.",
            example: "requires: *common", fix: "Define `&common` on an earlier node, or write the value out.",
            portuguese: FindingText(
                summary: "Um alias cita uma âncora que não foi definida antes dele.",
                meaning: "`*name` precisa se referir a um nó marcado com `&name` antes dele, no mesmo documento.",
                whyItMatters: "O valor que o alias representa não existe.",
                fix: "Defina `&common` em um nó anterior ou escreva o valor por extenso.")),
        FindingCode(
            code: "yaml-recursive-alias", severity: .error, summary: "An alias refers to a node that contains it.",
            meaning: "A structure like `&a [*a]` is infinite; Prereq does not read recursive data.",
            whyItMatters: "Reading it would never end.", example: "x: &a [*a]", fix: "Write the data out without the cycle.",
            portuguese: FindingText(
                summary: "Um alias se refere a um nó que o contém.",
                meaning: "Uma estrutura como `&a [*a]` é infinita; o Prereq não lê dados recursivos.",
                whyItMatters: "A leitura nunca terminaria.",
                fix: "Escreva os dados por extenso, sem o ciclo.")),
        FindingCode(
            code: "yaml-too-deep", severity: .error, summary: "Nesting is deeper than Prereq's limit (256 levels).",
            meaning: "Sequences and mappings are nested more than 256 levels deep; the parse stops at the limit.",
            whyItMatters: "Such input is never a real pack or snapshot, and unbounded nesting would cost unbounded time.",
            example: "[[[[[[…", fix: "Flatten the structure.",
            portuguese: FindingText(
                summary: "O aninhamento passa do limite do Prereq (256 níveis).",
                meaning: "Sequências e mapeamentos estão aninhados em mais de 256 níveis; a análise para no limite.",
                whyItMatters: "Uma entrada assim nunca é um pacote de regras ou um snapshot de verdade, e um aninhamento sem limite custaria um tempo sem limite.",
                fix: "Reduza o aninhamento da estrutura.")),
        FindingCode(
            code: "yaml-too-large", severity: .error, summary: "The file is larger than Prereq's limit (256 MiB).",
            meaning: "Files over 256 MiB are refused before they are parsed.",
            whyItMatters: "It protects CI from runaway inputs; real packs are far smaller.",
            example: "a 300 MiB export", fix: "Split the file into several files in one folder.",
            portuguese: FindingText(
                summary: "O arquivo passa do limite do Prereq (256 MiB).",
                meaning: "Arquivos com mais de 256 MiB são recusados antes da análise.",
                whyItMatters: "Isso protege a CI de entradas descontroladas; pacotes de regras reais são muito menores.",
                fix: "Divida o arquivo em vários arquivos em uma mesma pasta.")),
        FindingCode(
            code: "yaml-unknown-tag", severity: .warning, summary: "A tag outside YAML's core schema is ignored.",
            meaning: "Only the core tags (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map) mean something; others are read as if absent.",
            whyItMatters: "A tag that some other tool acts on does nothing here; say so rather than guess.",
            example: "version: !semver 10.0.38", fix: "Remove the tag.",
            portuguese: FindingText(
                summary: "Uma tag fora do esquema core do YAML é ignorada.",
                meaning: "Só as tags do esquema core (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map) têm significado; as demais são lidas como se não existissem.",
                whyItMatters: "Uma tag que outra ferramenta interpreta não faz nada aqui; é melhor avisar do que adivinhar.",
                fix: "Remova a tag.")),
        FindingCode(
            code: "yaml-tag-mismatch", severity: .error, summary: "A core tag does not fit its value.",
            meaning: "E.g. `!!int abc`, or `!!map` on a list.",
            whyItMatters: "The tag and the value contradict each other.", example: "count: !!int twelve",
            fix: "Remove the tag or correct the value.",
            portuguese: FindingText(
                summary: "Uma tag do esquema core não combina com o valor.",
                meaning: "Por exemplo, `!!int abc`, ou `!!map` em uma lista.",
                whyItMatters: "A tag e o valor se contradizem.",
                fix: "Remova a tag ou corrija o valor.")),
        FindingCode(
            code: "yaml-merge-key", severity: .error, summary: "Merge keys (<<) are not supported.",
            meaning: "YAML 1.1's merge key copies entries between mappings; YAML 1.2 dropped it and Prereq does not read it.",
            whyItMatters: "Read as an ordinary key it would silently mean something else than its author intended.",
            example: "<<: *defaults", fix: "Write the keys out, or share a whole node with an anchor and an alias.",
            portuguese: FindingText(
                summary: "Chaves de mesclagem (<<) não são suportadas.",
                meaning: "A chave de mesclagem do YAML 1.1 copia entradas entre mapeamentos; o YAML 1.2 a abandonou, e o Prereq não a lê.",
                whyItMatters: "Lida como uma chave comum, ela passaria a significar, sem aviso, algo diferente do que o autor pretendia.",
                fix: "Escreva as chaves por extenso ou compartilhe um nó inteiro com uma âncora e um alias.")),
    ]

    static let schemaCodes: [FindingCode] = [
        FindingCode(
            code: "schema-version", severity: .error, summary: "The schema version is missing or not supported.",
            meaning: "Every rule file and snapshot starts with `prereq: 1`; this Prereq reads version 1.",
            whyItMatters: "Without it a file of another format version could be misread.",
            example: "features:\n  a: {}", fix: "Add `prereq: 1` at the top of the document.",
            portuguese: FindingText(
                summary: "A versão do esquema está ausente ou não é suportada.",
                meaning: "Todo arquivo de regras e todo snapshot começam com `prereq: 1`; este Prereq lê a versão 1.",
                whyItMatters: "Sem ela, um arquivo de outra versão do formato poderia ser lido de forma errada.",
                fix: "Acrescente `prereq: 1` no início do documento.")),
        FindingCode(
            code: "schema-unknown-key", severity: .error, summary: "A key that the format does not have.",
            meaning: "The key is not part of the rule language (or snapshot format); the message suggests the closest one.",
            whyItMatters: "A misspelt key (e.g. `require`) would otherwise be ignored and its rule lost.",
            example: "features:\n  a:\n    require: [b]", fix: "Use the suggested key, or remove the entry.",
            portuguese: FindingText(
                summary: "Uma chave que o formato não tem.",
                meaning: "A chave não faz parte da linguagem de regras (nem do formato de snapshot); a mensagem sugere a mais próxima.",
                whyItMatters: "Uma chave com erro de digitação (por exemplo, `require`) seria ignorada, e a regra se perderia.",
                fix: "Use a chave sugerida ou remova a entrada.")),
        FindingCode(
            code: "schema-type", severity: .error, summary: "A value has the wrong type.",
            meaning: "The value is, say, a list where a mapping is expected; the message says what was expected and found.",
            whyItMatters: "The rule cannot be read as written.", example: "features: [a, b]",
            fix: "Write the value in the form the message names (see docs/rule-language.md).",
            portuguese: FindingText(
                summary: "Um valor tem o tipo errado.",
                meaning: "O valor é, por exemplo, uma lista onde se espera um mapeamento; a mensagem diz o que se esperava e o que foi encontrado.",
                whyItMatters: "A regra não pode ser lida como está escrita.",
                fix: "Escreva o valor na forma que a mensagem indica (veja docs/rule-language.md).")),
        FindingCode(
            code: "schema-value", severity: .error, summary: "A value is not valid for its field.",
            meaning: "E.g. a version that is not dotted numbers, a duration like `soon`, an unknown job kind, an empty id.",
            whyItMatters: "The value cannot be compared or evaluated.", example: "minVersion: ten",
            fix: "Correct the value as the message describes.",
            portuguese: FindingText(
                summary: "Um valor não é válido para o campo.",
                meaning: "Por exemplo, uma versão que não é formada por números separados por pontos, uma duração como `soon`, um tipo de trabalho desconhecido ou um id vazio.",
                whyItMatters: "O valor não pode ser comparado nem avaliado.",
                fix: "Corrija o valor como a mensagem descreve.")),
        FindingCode(
            code: "schema-missing", severity: .error, summary: "A required field is missing.",
            meaning: "The element needs this field to mean anything (a question's text, a record check's tables).",
            whyItMatters: "The element cannot be used without it.", example: "questions:\n  q1: {checks: [...]}",
            fix: "Add the field.",
            portuguese: FindingText(
                summary: "Falta um campo obrigatório.",
                meaning: "O elemento precisa deste campo para ter sentido (o texto de uma pergunta, as tabelas de uma verificação de registros).",
                whyItMatters: "O elemento não pode ser usado sem ele.",
                fix: "Acrescente o campo.")),
        FindingCode(
            code: "schema-alias-expansion", severity: .error, summary: "Aliases expand far beyond the document's size.",
            meaning: "Following aliases made decoding visit many times more nodes than the file holds (an alias bomb).",
            whyItMatters: "Decoding would take exponential time and memory.", example: "a: &a [x, x]\nb: &b [*a, *a]\n…",
            fix: "Share fewer nested aliases, or write the data out.",
            portuguese: FindingText(
                summary: "Os aliases se expandem muito além do tamanho do documento.",
                meaning: "Seguir os aliases fez a decodificação visitar muito mais nós do que o arquivo contém (uma bomba de aliases).",
                whyItMatters: "A decodificação levaria tempo e memória exponenciais.",
                fix: "Use menos aliases aninhados ou escreva os dados por extenso.")),
        FindingCode(
            code: "duplicate-id", severity: .error, summary: "An id is defined twice in the pack.",
            meaning: "Two features (or jobs, settings, record checks, questions) have the same id, in one file or across files of the pack.",
            whyItMatters: "References to the id would be ambiguous; the second definition is ignored.",
            example: "# a.yaml and b.yaml both define features: {async-customer-editing: …}",
            fix: "Rename one, or remove the copy; the note shows the first definition.",
            portuguese: FindingText(
                summary: "Um id está definido duas vezes no pacote de regras.",
                meaning: "Dois recursos (ou trabalhos, configurações, verificações de registros, perguntas) têm o mesmo id, em um mesmo arquivo ou em arquivos diferentes do pacote de regras.",
                whyItMatters: "As referências ao id seriam ambíguas; a segunda definição é ignorada.",
                fix: "Renomeie uma delas ou remova a cópia; a nota mostra a primeira definição.")),
    ]

    static let graphCodes: [FindingCode] = [
        FindingCode(
            code: "self-conflict", severity: .error, summary: "A feature lists itself among its conflicts.",
            meaning: "A feature's conflicts name the feature itself, so read literally it could never be on.",
            whyItMatters: "It is almost always a copied line or a typo for another id, and the conflict meant is missing.",
            example: "legacy-sync: {conflicts: [legacy-sync]}", fix: "Remove the id from its own conflicts, or name the feature meant.",
            portuguese: FindingText(
                summary: "Um recurso lista a si mesmo entre seus conflitos.",
                meaning: "Os conflicts de um recurso citam o próprio recurso; lido ao pé da letra, ele nunca poderia estar ativado.",
                whyItMatters: "Quase sempre é uma linha copiada ou um erro de digitação de outro id, e o conflito pretendido está faltando.",
                fix: "Remova o id dos próprios conflicts ou informe o recurso pretendido.")),
        FindingCode(
            code: "unknown-reference", severity: .error, summary: "A reference to an id the pack does not define.",
            meaning: "A requirement, conflict, job, setting or check names an id that no definition has; the closest id is suggested.",
            whyItMatters: "The rule cannot be evaluated; usually a typo.", example: "requires: [enhanced-async-customer-creaton]",
            fix: "Correct the id, or define the missing element.",
            portuguese: FindingText(
                summary: "Uma referência a um id que o pacote de regras não define.",
                meaning: "Um requisito, conflito, trabalho, configuração ou verificação cita um id que nenhuma definição tem; o id mais próximo é sugerido.",
                whyItMatters: "A regra não pode ser avaliada; geralmente é um erro de digitação.",
                fix: "Corrija o id ou defina o elemento que falta.")),
        FindingCode(
            code: "requires-cycle", severity: .error, summary: "Features require each other in a cycle.",
            meaning: "Following all-of requirements from a feature leads back to it; the message gives the whole cycle.",
            whyItMatters: "None of the features in the cycle can ever be switched on first.",
            example: "a: {requires: [b]}\nb: {requires: [a]}", fix: "Remove one requirement of the cycle.",
            portuguese: FindingText(
                summary: "Recursos exigem uns aos outros em ciclo.",
                meaning: "Seguindo os requisitos obrigatórios (all-of) a partir de um recurso, chega-se de volta a ele; a mensagem mostra o ciclo inteiro.",
                whyItMatters: "Nenhum dos recursos do ciclo pode ser ativado primeiro.",
                fix: "Remova um dos requisitos do ciclo.")),
        FindingCode(
            code: "after-cycle", severity: .error, summary: "Jobs must run after each other in a cycle.",
            meaning: "Following `after` constraints from a job leads back to it.",
            whyItMatters: "No order of runs can meet every constraint, so dependent features never take effect.",
            example: "p: {after: [sync]}\nsync: {after: [p]}", fix: "Remove one `after` entry of the cycle.",
            portuguese: FindingText(
                summary: "Trabalhos precisam ser executados uns depois dos outros em ciclo.",
                meaning: "Seguindo as restrições `after` a partir de um trabalho, chega-se de volta a ele.",
                whyItMatters: "Nenhuma ordem de execução atende a todas as restrições; por isso, os recursos que dependem delas nunca entram em vigor.",
                fix: "Remova uma das entradas `after` do ciclo.")),
        FindingCode(
            code: "created-by-cycle", severity: .error, summary: "Jobs create each other in a cycle.",
            meaning: "Following `createdBy` from a job leads back to it (a job created by itself is the shortest cycle).",
            whyItMatters: "A job exists only once the job that creates it has succeeded, so none of the jobs of the cycle can ever exist.",
            example: "batch: {createdBy: init}\ninit: {createdBy: batch}", fix: "Name in `createdBy` the job that really creates the job, or remove it.",
            portuguese: FindingText(
                summary: "Trabalhos criam uns aos outros em ciclo.",
                meaning: "Seguindo `createdBy` a partir de um trabalho, chega-se de volta a ele (um trabalho criado por si mesmo é o ciclo mais curto).",
                whyItMatters: "Um trabalho só existe depois que o trabalho que o cria foi executado com êxito; por isso, nenhum dos trabalhos do ciclo pode existir.",
                fix: "Indique em `createdBy` o trabalho que de fato cria o trabalho, ou remova a entrada.")),
        FindingCode(
            code: "never-enableable", severity: .error, summary: "A feature can never be switched on.",
            meaning: "Its own requirements contradict each other: two required features conflict, its version window is empty, every alternative is impossible, or it needs a feature that is itself impossible.",
            whyItMatters: "Users would be told what to do to enable it, and it could never work.",
            example: "a: {requires: [b, c]}\nb: {conflicts: [c]}", fix: "Remove the contradiction the message names.",
            portuguese: FindingText(
                summary: "Um recurso nunca pode ser ativado.",
                meaning: "Os próprios requisitos do recurso se contradizem: dois recursos exigidos estão em conflito, a faixa de versões está vazia, todas as alternativas são impossíveis ou ele precisa de um recurso que também é impossível.",
                whyItMatters: "Os usuários receberiam instruções para ativá-lo, e ele nunca funcionaria.",
                fix: "Remova a contradição que a mensagem aponta.")),
        FindingCode(
            code: "redundant-requirement", severity: .note, summary: "A requirement is already implied by another.",
            meaning: "A feature requires B directly although another of its requirements already needs B.",
            whyItMatters: "Harmless, but the pack is harder to maintain and may drift.",
            example: "a: {requires: [b, c]}\nb: {requires: [c]}", fix: "Drop the direct requirement, or keep it deliberately.",
            portuguese: FindingText(
                summary: "Um requisito já está implícito em outro.",
                meaning: "Um recurso exige B diretamente, embora outro de seus requisitos já precise de B.",
                whyItMatters: "Não causa problemas, mas o pacote de regras fica mais difícil de manter e pode ficar inconsistente com o tempo.",
                fix: "Remova o requisito direto ou mantenha-o de propósito.")),
        FindingCode(
            code: "version-later", severity: .warning, summary: "A feature needs one introduced in a later version.",
            meaning: "The feature declares a version, but a feature it requires exists only from a later one.",
            whyItMatters: "Users on the declared version would be told it can be enabled when it cannot.",
            example: "a: {introducedIn: 10.0.20, requires: [b]}\nb: {introducedIn: 10.0.25}",
            fix: "Raise the feature's minVersion to the version named, or correct the versions.",
            portuguese: FindingText(
                summary: "Um recurso precisa de outro introduzido em uma versão posterior.",
                meaning: "O recurso declara uma versão, mas um recurso que ele exige só existe a partir de uma versão posterior.",
                whyItMatters: "Os usuários da versão declarada seriam informados de que o recurso pode ser ativado quando, na verdade, não pode.",
                fix: "Eleve o minVersion do recurso para a versão indicada ou corrija as versões.")),
        FindingCode(
            code: "ambiguous-name", severity: .warning, summary: "Two features share a name.",
            meaning: "Two features have the same display name (in some language) or one's alias is the other's name.",
            whyItMatters: "Snapshots name features by display name; an ambiguous name cannot be resolved.",
            example: "a: {name: Customer sync}\nb: {name: customer sync}", fix: "Give each feature its own name.",
            portuguese: FindingText(
                summary: "Dois recursos têm o mesmo nome.",
                meaning: "Dois recursos têm o mesmo nome de exibição (em algum idioma), ou o alias de um é o nome do outro.",
                whyItMatters: "Os snapshots citam os recursos pelo nome de exibição; um nome ambíguo não pode ser resolvido.",
                fix: "Dê a cada recurso um nome próprio.")),
        FindingCode(
            code: "missing-translation", severity: .warning, summary: "A text lacks a language the pack promises.",
            meaning: "The pack's `languages` lists a language this name or question has no text in.",
            whyItMatters: "Users of that language get English (or another fallback) instead.",
            example: "pack: {languages: [en, pt-BR]}\nfeatures:\n  a: {name: Only English}",
            fix: "Write the text as a mapping with every promised language.",
            portuguese: FindingText(
                summary: "Um texto não tem versão em um idioma que o pacote de regras promete.",
                meaning: "A lista `languages` do pacote de regras inclui um idioma em que este nome ou esta pergunta não tem texto.",
                whyItMatters: "Os usuários desse idioma recebem o texto em inglês (ou em outro idioma de reserva).",
                fix: "Escreva o texto como um mapeamento com todos os idiomas prometidos.")),
        FindingCode(
            code: "unused-job", severity: .warning, summary: "A job nothing refers to.",
            meaning: "No feature, job, record check or question uses the job, and it has no schedule requirement.",
            whyItMatters: "Usually a reference is misspelt elsewhere, so a rule silently does not apply.",
            example: "jobs:\n  orphan: {code: '9999'}", fix: "Refer to it, or remove it.",
            portuguese: FindingText(
                summary: "Um trabalho a que nada faz referência.",
                meaning: "Nenhum recurso, trabalho, verificação de registros ou pergunta usa o trabalho, e ele não tem exigência de agendamento.",
                whyItMatters: "Geralmente há uma referência com erro de digitação em outro lugar, e uma regra deixa de valer sem aviso.",
                fix: "Faça referência a ele ou remova-o.")),
        FindingCode(
            code: "unused-setting", severity: .warning, summary: "A setting no feature requires.",
            meaning: "The setting is defined but no feature's `settings` names it.",
            whyItMatters: "Usually a reference is misspelt elsewhere.", example: "settings:\n  orphan: {type: bool}",
            fix: "Require it from a feature, or remove it.",
            portuguese: FindingText(
                summary: "Uma configuração que nenhum recurso exige.",
                meaning: "A configuração está definida, mas nenhum recurso a cita em `settings`.",
                whyItMatters: "Geralmente há uma referência com erro de digitação em outro lugar.",
                fix: "Exija-a em um recurso ou remova-a.")),
        FindingCode(
            code: "unused-manual-step", severity: .warning, summary: "A manual step no feature requires.",
            meaning: "The manual step is defined in `manualSteps`, but no `{manual: id}` in a feature's `requires` names it.",
            whyItMatters: "Usually a reference is misspelt elsewhere, and the step it meant is never asked for.",
            example: "manualSteps:\n  orphan: {text: Register the app}",
            fix: "Require it with `{manual: id}` from a feature, or remove it.",
            portuguese: FindingText(
                summary: "Um passo manual que nenhum recurso exige.",
                meaning: "O passo manual está definido em `manualSteps`, mas nenhum `{manual: id}` nos `requires` de um recurso o cita.",
                whyItMatters: "Geralmente há uma referência com erro de digitação em outro lugar, e o passo a que ela se referia nunca é pedido.",
                fix: "Exija-o com `{manual: id}` em um recurso ou remova-o.")),
        FindingCode(
            code: "setting-value-type", severity: .error, summary: "A feature needs a setting value that is not of the setting's type.",
            meaning: "A feature's `settings` asks for a value the setting's declared `type` cannot hold (text for an `int` setting, a number for a `bool` one).",
            whyItMatters: "The requirement can never hold, and every environment would be blamed for it.",
            example: "settings:\n  retries: {type: int}\n...\n    settings: {retries: many}",
            fix: "Write a value of the setting's type, or declare the setting with the type its values have.",
            portuguese: FindingText(
                summary: "Um recurso precisa de um valor de configuração que não é do tipo da configuração.",
                meaning: "O `settings` de um recurso pede um valor que o `type` declarado da configuração não comporta (texto para uma configuração `int`, um número para uma `bool`).",
                whyItMatters: "O requisito nunca pode ser atendido, e todo ambiente seria culpado por isso.",
                fix: "Escreva um valor do tipo da configuração ou declare a configuração com o tipo que seus valores têm.")),
        FindingCode(
            code: "value-not-allowed", severity: .error, summary: "A feature compares a setting with a value outside its allowed values.",
            meaning: "The setting declares `allowedValues`, and a value condition (`equals`, `in`, `notIn`, a feature's `settings`) names a value not among them, or a range (`atLeast`, `atMost`) holds none of them.",
            whyItMatters: "Usually a typo: the requirement can never hold (or, in `notIn`, excludes nothing), and answers would blame every environment.",
            example: "settings:\n  default-profile: {type: string, allowedValues: [Retail, Wholesale]}\n...\n    requires: [{setting: default-profile, equals: Retial}]",
            fix: "Write one of the allowed values, or add the value to `allowedValues`.",
            portuguese: FindingText(
                summary: "Um recurso compara uma configuração com um valor fora dos valores permitidos.",
                meaning: "A configuração declara `allowedValues`, e uma condição de valor (`equals`, `in`, `notIn`, o `settings` de um recurso) cita um valor que não está entre eles, ou um intervalo (`atLeast`, `atMost`) não contém nenhum deles.",
                whyItMatters: "Em geral é um erro de digitação: o requisito nunca pode ser atendido (ou, em `notIn`, não exclui nada), e as respostas culpariam todo ambiente.",
                fix: "Escreva um dos valores permitidos ou acrescente o valor a `allowedValues`.")),
        FindingCode(
            code: "value-test-type", severity: .error, summary: "A value condition uses a test that does not apply to what it tests.",
            meaning: "`atLeast` or `atMost` on a setting that is not `int`, `contains` or `order` on a setting that is not `list`, or `serving` on a setting (only a feature serves a value).",
            whyItMatters: "The test cannot be decided as written; the requirement would never hold.",
            example: "settings:\n  mode: {type: string}\n...\n    requires: [{setting: mode, atLeast: 3}]",
            fix: "Use a test of the setting's type, or declare the setting with the type its values have.",
            portuguese: FindingText(
                summary: "Uma condição de valor usa um teste que não se aplica ao que testa.",
                meaning: "`atLeast` ou `atMost` numa configuração que não é `int`, `contains` ou `order` numa configuração que não é `list`, ou `serving` numa configuração (só um recurso entrega um valor).",
                whyItMatters: "O teste não pode ser decidido como está escrito; o requisito nunca seria atendido.",
                fix: "Use um teste do tipo da configuração ou declare a configuração com o tipo que seus valores têm.")),
    ]

    static let snapshotCodes: [FindingCode] = [
        FindingCode(
            code: "snapshot-value", severity: .error, summary: "A snapshot value is not of its setting's type.",
            meaning: "The snapshot gives a setting a value that cannot be read as the setting's declared `type` (quoted `\"true\"` or `\"on\"` is a switch, `\"15\"` a number; `maybe` is neither).",
            whyItMatters: "The value cannot be compared with what features need; the setting counts as unknown.",
            example: "settings:\n  create-customer-async: maybe",
            fix: "Export the value in the setting's type.",
            portuguese: FindingText(
                summary: "Um valor do snapshot não é do tipo da sua configuração.",
                meaning: "O snapshot dá a uma configuração um valor que não pode ser lido como o `type` declarado (`\"true\"` ou `\"on\"` entre aspas é um valor de ativação, `\"15\"` um número; `maybe` não é nenhum dos dois).",
                whyItMatters: "O valor não pode ser comparado com o que os recursos precisam; a configuração é tratada como desconhecida.",
                fix: "Exporte o valor no tipo da configuração.")),
        FindingCode(
            code: "snapshot-value-outside", severity: .warning, summary: "A snapshot value is outside its setting's allowed values.",
            meaning: "The setting declares `allowedValues`, and the snapshot gives it a value not among them (for a channel setting, in the channel named).",
            whyItMatters: "Either the export is wrong or the product now takes a value the pack does not know; the value is still compared as given.",
            example: "settings:\n  default-profile: Retial",
            fix: "Check the export, or add the value to the setting's `allowedValues`.",
            portuguese: FindingText(
                summary: "Um valor do snapshot está fora dos valores permitidos da sua configuração.",
                meaning: "A configuração declara `allowedValues`, e o snapshot lhe dá um valor que não está entre eles (numa configuração por canal, no canal citado).",
                whyItMatters: "Ou a exportação está errada, ou o produto passou a aceitar um valor que o pacote não conhece; o valor ainda é comparado como foi dado.",
                fix: "Confira a exportação ou acrescente o valor aos `allowedValues` da configuração.")),
        FindingCode(
            code: "event-after-snapshot", severity: .warning, summary: "A moment in a snapshot is later than its takenAt.",
            meaning: "A switch time, a job's last success or failure, or a table's oldest record is later than the moment the snapshot says it was taken.",
            whyItMatters: "Every time rule (settle times, job order, schedules) is measured from takenAt; with clocks apart the answers may be wrong.",
            example: "takenAt: 2026-11-20T10:00:00Z\n...\nenabledAt: 2026-11-21T09:00:00Z", fix: "Export takenAt from the same clock as the events, as the moment the snapshot was taken.",
            portuguese: FindingText(
                summary: "Um momento num snapshot é posterior ao seu takenAt.",
                meaning: "Um horário de ativação, o último sucesso ou falha de um trabalho ou o registro mais antigo de uma tabela é posterior ao momento em que o snapshot diz ter sido tirado.",
                whyItMatters: "Toda regra de tempo (tempos de acomodação, ordem de trabalhos, agendamentos) é medida a partir de takenAt; com relógios diferentes, as respostas podem estar erradas.",
                fix: "Exporte takenAt do mesmo relógio dos eventos, como o momento em que o snapshot foi tirado.")),
        FindingCode(
            code: "timestamp-without-zone", severity: .note, summary: "A timestamp has no time zone; it is read as UTC.",
            meaning: "ISO 8601 timestamps in snapshots should end in Z or an offset; one without is taken as UTC.",
            whyItMatters: "If the exporter wrote local time, every time comparison is off by the zone's offset.",
            example: "takenAt: 2026-11-20T10:00:00", fix: "Append Z (UTC) or the offset, e.g. -03:00.",
            portuguese: FindingText(
                summary: "Um horário não tem fuso horário; ele é lido como UTC.",
                meaning: "Os horários ISO 8601 nos snapshots devem terminar com Z ou com um deslocamento; um horário sem isso é considerado UTC.",
                whyItMatters: "Se o exportador gravou a hora local, todas as comparações de horário ficam erradas pelo deslocamento do fuso.",
                fix: "Acrescente Z (UTC) ou o deslocamento, por exemplo -03:00.")),
        FindingCode(
            code: "unknown-name", severity: .warning, summary: "A snapshot names something the pack does not know.",
            meaning: "A feature, setting or job key matches no id, display name (in any language), alias or code of the pack; the closest name is suggested.",
            whyItMatters: "Its state is ignored, so conditions on it stay unknown.",
            example: "features:\n  Enable editing customer in async mode: on", fix: "Use the name as the pack spells it, or add an alias to the pack.",
            portuguese: FindingText(
                summary: "Um snapshot cita algo que o pacote de regras não conhece.",
                meaning: "Uma chave de recurso, configuração ou trabalho não corresponde a nenhum id, nome de exibição (em qualquer idioma), alias ou código do pacote de regras; o nome mais próximo é sugerido.",
                whyItMatters: "O estado informado é ignorado, e as condições que dependem dele continuam desconhecidas.",
                fix: "Use o nome como o pacote de regras o escreve ou acrescente um alias ao pacote.")),
        FindingCode(
            code: "duplicate-entry", severity: .warning, summary: "A snapshot gives the same element twice.",
            meaning: "Two keys (e.g. the id and the display name) name the same feature, setting or job; the first is used.",
            whyItMatters: "The two entries may disagree, and one is ignored.",
            example: "features:\n  async-customer-editing: on\n  Enable editing customers in asynchronous mode: off",
            fix: "Keep one entry per element.",
            portuguese: FindingText(
                summary: "Um snapshot informa o mesmo elemento duas vezes.",
                meaning: "Duas chaves (por exemplo, o id e o nome de exibição) citam o mesmo recurso, configuração ou trabalho; vale a primeira.",
                whyItMatters: "As duas entradas podem divergir, e uma delas é ignorada.",
                fix: "Mantenha uma entrada por elemento.")),
        FindingCode(
            code: "unknown-feature", severity: .error, summary: "A command names a feature the pack does not have.",
            meaning: "The FEATURE argument matches no id, display name or alias.", whyItMatters: "There is nothing to explain.",
            example: "prereq why async-customer-editting --snapshot s.yaml", fix: "Use the suggested name, or `prereq lint` to see the pack.",
            portuguese: FindingText(
                summary: "Um comando cita um recurso que o pacote de regras não tem.",
                meaning: "O argumento FEATURE não corresponde a nenhum id, nome de exibição ou alias.",
                whyItMatters: "Não há nada a explicar.",
                fix: "Use o nome sugerido, ou `prereq lint` para ver o pacote de regras.")),
        FindingCode(
            code: "bad-assumption", severity: .error, summary: "A what-if assumption cannot be read.",
            meaning: "An `--assume` of `why` or `plan` is none of the forms FEATURE=on|off, SETTING=VALUE, SETTING@CHANNEL=VALUE, \"job JOB ran [at TIME] [in CHANNEL]\" or version=VERSION, or its value (a switch, a time, a version) cannot be read.",
            whyItMatters: "The answer would rest on a fact other than the one meant.",
            example: "prereq why f --snapshot s.yaml --assume \"jobb 1070 ran\"", fix: "Write the assumption in one of the forms.",
            portuguese: FindingText(
                summary: "Uma suposição de simulação não pode ser lida.",
                meaning: "Um `--assume` de `why` ou `plan` não está em nenhuma das formas RECURSO=on|off, CONFIGURAÇÃO=VALOR, CONFIGURAÇÃO@CANAL=VALOR, \"job TRABALHO ran [at HORA] [in CANAL]\" ou version=VERSÃO, ou o valor (ativação, hora, versão) não pode ser lido.",
                whyItMatters: "A resposta se basearia em outro fato que não o pretendido.",
                fix: "Escreva a suposição em uma das formas.")),
        FindingCode(
            code: "bad-argument", severity: .error, summary: "`prereq impact` cannot simulate the change asked for.",
            meaning: "`--archive` names something other than a feature, or the element named cannot be switched off or stopped in a snapshot (a setting, an attribute, a component's version, a record check): only its dependents can be listed.",
            whyItMatters: "An answer to another change than the one asked would mislead.",
            example: "prereq impact region --rules rules --snapshot prod.yaml", fix: "Leave out --snapshot to list what depends on it, or name a feature or job.",
            portuguese: FindingText(
                summary: "`prereq impact` não consegue simular a mudança pedida.",
                meaning: "`--archive` nomeia algo que não é um recurso, ou o elemento nomeado não pode ser desativado nem parado em um snapshot (uma configuração, um atributo, a versão de um componente, uma verificação de registros): só os seus dependentes podem ser listados.",
                whyItMatters: "Uma resposta sobre outra mudança que não a pedida induziria ao erro.",
                fix: "Omita --snapshot para listar o que depende dele, ou nomeie um recurso ou trabalho.")),
        FindingCode(
            code: "empty-pack", severity: .error, summary: "The rule paths define no feature.",
            meaning: "The files named by --rules (or the config) hold no feature definitions.",
            whyItMatters: "Nothing can be evaluated against an empty pack.", example: "prereq check --rules docs/ s.yaml",
            fix: "Point --rules at the folder that holds the pack.",
            portuguese: FindingText(
                summary: "Os caminhos de regras não definem nenhum recurso.",
                meaning: "Os arquivos indicados por --rules (ou pelo arquivo de configuração do projeto) não contêm definições de recursos.",
                whyItMatters: "Nada pode ser avaliado contra um pacote de regras vazio.",
                fix: "Aponte --rules para a pasta que contém o pacote de regras.")),
        FindingCode(
            code: "prerequisite-off", severity: .error, summary: "An enabled feature needs a feature that is off.",
            meaning: "A feature is on although one of its prerequisites is switched off (or was switched off after it).",
            whyItMatters: "The feature may misbehave or fail; the product would not let you switch it on this way today.",
            example: "async-customer-editing on, enhanced-async-customer-creation off", fix: "Switch the prerequisite back on (the help line says which).",
            portuguese: FindingText(
                summary: "Um recurso ativado precisa de um recurso que está desativado.",
                meaning: "Um recurso está ativado, embora um de seus pré-requisitos esteja desativado (ou tenha sido desativado depois dele).",
                whyItMatters: "O recurso pode se comportar mal ou falhar; hoje o produto não deixaria ativá-lo dessa forma.",
                fix: "Ative de novo o pré-requisito (a linha de ajuda diz qual).")),
        FindingCode(
            code: "conflict-on", severity: .error, summary: "An enabled feature conflicts with another feature that is on.",
            meaning: "Two features that cannot be on together are both on (or a feature's `not` requirement is on).",
            whyItMatters: "The product's behaviour with both on is undefined.", example: "legacy-customer-sync on next to async-customer-editing",
            fix: "Switch off one of the two.",
            portuguese: FindingText(
                summary: "Um recurso ativado está em conflito com outro recurso ativado.",
                meaning: "Dois recursos que não podem ficar ativados juntos estão ambos ativados (ou um requisito `not` de um recurso está ativado).",
                whyItMatters: "O comportamento do produto com os dois ativados é indefinido.",
                fix: "Desative um dos dois.")),
        FindingCode(
            code: "version-too-old", severity: .error, summary: "An enabled feature needs a newer product version.",
            meaning: "The snapshot's product version is below the feature's introducedIn or minVersion (or at or above its removedIn).",
            whyItMatters: "The feature cannot work on this version.", example: "version: 10.0.25 with a feature from 10.0.29",
            fix: "Upgrade the environment, or switch the feature off.",
            portuguese: FindingText(
                summary: "Um recurso ativado precisa de uma versão do produto mais nova.",
                meaning: "A versão do produto no snapshot é anterior ao introducedIn ou ao minVersion do recurso (ou igual ou posterior ao removedIn).",
                whyItMatters: "O recurso não funciona nesta versão.",
                fix: "Atualize o ambiente ou desative o recurso.")),
        FindingCode(
            code: "setting-mismatch", severity: .error, summary: "A setting a feature needs has another value.",
            meaning: "The feature requires a setting (environment-wide or in every channel) that has a different value.",
            whyItMatters: "The feature does not work where the setting is wrong.", example: "create-customer-async: false in store-002",
            fix: "Set the value the message names, in the channels it names.",
            portuguese: FindingText(
                summary: "Uma configuração de que um recurso precisa tem outro valor.",
                meaning: "O recurso exige uma configuração (no ambiente todo ou em todos os canais) que tem um valor diferente.",
                whyItMatters: "O recurso não funciona onde a configuração está errada.",
                fix: "Defina o valor que a mensagem indica, nos canais que ela cita.")),
        FindingCode(
            code: "value-mismatch", severity: .error, summary: "A feature a feature needs is on but serves another value.",
            meaning: "A requirement `{feature: id, serving: v}` needs the feature on and serving the value or variation v; the snapshot's `servedVariation` is another one.",
            whyItMatters: "The feature that needs it behaves as if its prerequisite were off.", example: "flag-x servedVariation: \"false\" where {feature: flag-x, serving: \"true\"} is needed",
            fix: "Make the feature serve the value the message names (in the flag platform, target that variation).",
            portuguese: FindingText(
                summary: "Um recurso de que outro precisa está ativado, mas entrega outro valor.",
                meaning: "Um requisito `{feature: id, serving: v}` exige o recurso ativado e entregando o valor ou a variação v; o `servedVariation` do snapshot é outro.",
                whyItMatters: "O recurso que depende dele se comporta como se o pré-requisito estivesse desativado.",
                fix: "Faça o recurso entregar o valor que a mensagem indica (na plataforma de flags, direcione para essa variação).")),
        FindingCode(
            code: "not-available", severity: .error, summary: "A feature is on where it is not available (region, deployment, a channel's fact).",
            meaning: "A requirement `{attribute: id, …}` rules the feature out for the value the snapshot gives for the attribute (`environment`, `region`, `deployment`, `kind`, `timeZone`, `legalEntities`, or a channel's `channelInfo`).",
            whyItMatters: "No setting or switch changes where the product runs: the feature cannot work there.", example: "region: China where {attribute: region, notIn: [China]} is needed",
            fix: "Switch the feature off there; nothing in the product can make it available.",
            portuguese: FindingText(
                summary: "Um recurso está ativado onde não está disponível (região, implantação, um fato de um canal).",
                meaning: "Um requisito `{attribute: id, …}` exclui o recurso para o valor que o snapshot informa para o atributo (`environment`, `region`, `deployment`, `kind`, `timeZone`, `legalEntities` ou o `channelInfo` de um canal).",
                whyItMatters: "Nenhuma configuração ou chave muda onde o produto é executado: o recurso não funciona ali.",
                fix: "Desative o recurso ali; nada no produto pode torná-lo disponível.")),
        FindingCode(
            code: "job-not-run", severity: .error, summary: "A job has not succeeded since a feature was switched on, a setting changed or the product was updated.",
            meaning: "The feature takes effect only after the job succeeds after that moment: its own enablement, the last change of a setting it reads (the setting's takesEffect), or the installation of the current version (succeededAfter: update); per channel for channel jobs. Its last success is older.",
            whyItMatters: "Until the job runs, the channels do not know about the change (e.g. real-time calls to headquarters go on).",
            example: "async-customer-editing enabledAt 2026-11-01, 1070 last success 2026-10-30", fix: "Run the job (for the channels named).",
            portuguese: FindingText(
                summary: "Um trabalho não foi executado com êxito desde que um recurso foi ativado, uma configuração foi alterada ou o produto foi atualizado.",
                meaning: "O recurso só entra em vigor depois que o trabalho é executado com êxito após esse momento: a própria ativação, a última alteração de uma configuração que ele lê (takesEffect da configuração) ou a instalação da versão atual (succeededAfter: update); por canal, no caso de trabalhos por canal. A última execução com êxito é anterior a isso.",
                whyItMatters: "Até o trabalho ser executado, os canais não ficam sabendo da mudança (por exemplo, as chamadas em tempo real à matriz continuam).",
                fix: "Execute o trabalho (para os canais indicados).")),
        FindingCode(
            code: "job-order", severity: .error, summary: "A job ran before the job it must follow.",
            meaning: "A job's last success is earlier than the last success of a job it must run after, so its run does not count.",
            whyItMatters: "E.g. the customer sync ran before the P-job uploaded the data, so headquarters misses the customers.",
            example: "sync-customers 08:00, P-job 09:00", fix: "Run the later job again now.",
            portuguese: FindingText(
                summary: "Um trabalho foi executado antes do trabalho que ele deve seguir.",
                meaning: "A última execução com êxito de um trabalho é anterior à última execução com êxito de um trabalho depois do qual ele deve rodar; por isso, essa execução não conta.",
                whyItMatters: "Por exemplo, a sincronização de clientes rodou antes de o P-job enviar os dados, e a matriz fica sem os clientes.",
                fix: "Execute de novo, agora, o trabalho que deve vir depois.")),
        FindingCode(
            code: "schedule", severity: .error, summary: "A job that must recur is not on a suitable schedule, or is overdue.",
            meaning: "The pack requires a recurring schedule (with a maximum interval); the snapshot shows none, a slower one, or a last success too long ago.",
            whyItMatters: "Data stops flowing between runs.", example: "schedule: none", fix: "Put the job on a recurring schedule, or run it.",
            portuguese: FindingText(
                summary: "Um trabalho que precisa se repetir não está em um agendamento adequado ou está atrasado.",
                meaning: "O pacote de regras exige um agendamento recorrente (com um intervalo máximo); o snapshot não mostra nenhum, mostra um mais espaçado ou uma última execução com êxito antiga demais.",
                whyItMatters: "Os dados deixam de fluir entre as execuções.",
                fix: "Coloque o trabalho em um agendamento recorrente ou execute-o.")),
        FindingCode(
            code: "records-found", severity: .error, summary: "A record check finds more rows than it allows, and no job clears them.",
            meaning: "The snapshot counts rows that the check does not allow (none, or at most its `max`, per key with `per`: one finding per key over the limit), and the pack names no job (`clearedBy`) that processes them.",
            whyItMatters: "Waiting does not help: such rows stay until a person corrects or removes them.",
            example: "records:\n  - {table: RETAILTRANSACTIONTABLE, count: 3}",
            fix: "Correct or remove the rows in the product, as the check's documentation says.",
            portuguese: FindingText(
                summary: "Uma verificação de registros encontra mais linhas do que permite, e nenhum trabalho as limpa.",
                meaning: "O snapshot conta linhas que a verificação não permite (nenhuma, ou no máximo o seu `max`, por chave com `per`: uma ocorrência por chave acima do limite), e o pacote não cita nenhum trabalho (`clearedBy`) que as processe.",
                whyItMatters: "Esperar não adianta: essas linhas ficam até que uma pessoa as corrija ou remova.",
                fix: "Corrija ou remova as linhas no produto, como a documentação da verificação explica.")),
        FindingCode(
            code: "records-missing", severity: .error, summary: "A record check finds fewer rows than must exist.",
            meaning: "The check's `expect: {min: N}` asks for at least N matching rows (such as a registration entry; per key with `per`), and the snapshot counts fewer.",
            whyItMatters: "What needs those rows (a feature gated on the check) cannot work until they exist; no job creates them.",
            example: "records:\n  - {table: RETAILSHAREDPARAMETERS, where: {AppRegistered: 1}, count: 0}",
            fix: "Create the rows in the product, as the check's documentation says, then take a new snapshot.",
            portuguese: FindingText(
                summary: "Uma verificação de registros encontra menos linhas do que precisam existir.",
                meaning: "O `expect: {min: N}` da verificação pede pelo menos N linhas correspondentes (como um registro de cadastro; por chave com `per`), e o snapshot conta menos.",
                whyItMatters: "O que precisa dessas linhas (um recurso condicionado à verificação) não funciona até que elas existam; nenhum trabalho as cria.",
                fix: "Crie as linhas no produto, como a documentação da verificação explica, e tire um novo snapshot.")),
        FindingCode(
            code: "records-per-fixed", severity: .note, summary: "A record check counts per a field that its `where` fixes to one value.",
            meaning: "A field of `expect: {per: [...]}` is also in the check's `where`: every counted row has the same value there, so it adds nothing to the key, and with no other `per` field the limit per key is the limit of all the rows.",
            whyItMatters: "Usually a field meant for `per` was left in `where` (or the other way round), and the check counts something else than the documentation says.",
            example: "records:\n  one-profile: {table: T, where: {Group: G1}, expect: {max: 1, per: [Group]}}",
            fix: "Remove the field from `per`, or from `where` to count each of its values.",
            portuguese: FindingText(
                summary: "Uma verificação de registros conta por um campo que o seu `where` fixa em um só valor.",
                meaning: "Um campo de `expect: {per: [...]}` também está no `where` da verificação: todas as linhas contadas têm o mesmo valor nele, então ele nada acrescenta à chave, e sem outro campo em `per` o limite por chave é o limite de todas as linhas.",
                whyItMatters: "Em geral um campo destinado a `per` ficou no `where` (ou o contrário), e a verificação conta algo diferente do que a documentação diz.",
                fix: "Remova o campo de `per`, ou do `where` para contar cada um dos seus valores.")),
        FindingCode(
            code: "manual-step-undone", severity: .error, summary: "A manual step a feature needs has not been done.",
            meaning: "The step's `confirmedBy` condition, which the snapshot reports, does not hold: the step a person does by hand (registering an app, granting consent) is not done.",
            whyItMatters: "The feature that needs it cannot work until someone does the step; no switch or job does it.",
            example: "manualSteps:\n  register-app:\n    text: In the Azure portal, register an app for Commerce.\n    confirmedBy: {records: entra-app-row}",
            fix: "Do the step as its text says, then take a new snapshot.",
            portuguese: FindingText(
                summary: "Um passo manual de que um recurso precisa não foi feito.",
                meaning: "A condição `confirmedBy` do passo, que o snapshot informa, não vale: o passo que uma pessoa faz à mão (registrar um aplicativo, conceder consentimento) não foi feito.",
                whyItMatters: "O recurso que precisa dele não funciona até que alguém faça o passo; nenhuma ativação ou trabalho o faz.",
                fix: "Faça o passo como o texto dele diz e tire um novo snapshot.")),
        FindingCode(
            code: "manual-step-unchecked", severity: .note, summary: "A manual step a feature needs could not be checked.",
            meaning: "The step has no `confirmedBy`, so no snapshot can show it was done, or the snapshot lacks the data its `confirmedBy` reads.",
            whyItMatters: "Prereq never takes a manual step as done: the feature's answer stays unknown until someone confirms it.",
            example: "manualSteps:\n  grant-consent: {text: In the Azure portal, select Grant admin consent.}",
            fix: "Make sure the step was done; give it a `confirmedBy` condition when the snapshot can show it, or add the data it reads.",
            portuguese: FindingText(
                summary: "Não foi possível verificar um passo manual de que um recurso precisa.",
                meaning: "O passo não tem `confirmedBy`, então nenhum snapshot mostra que ele foi feito, ou o snapshot não tem os dados que o `confirmedBy` lê.",
                whyItMatters: "O Prereq nunca considera um passo manual feito: a resposta do recurso fica desconhecida até que alguém o confirme.",
                fix: "Confirme que o passo foi feito; dê a ele uma condição `confirmedBy` quando o snapshot puder mostrá-lo, ou acrescente os dados que ela lê.")),
        FindingCode(
            code: "records-unprocessed", severity: .error, summary: "Rows were left unprocessed by the job that clears them.",
            meaning: "A record check counts more rows than allowed, older than the clearing job's last success (or with no times to tell), or waiting for a job that is not on a recurring schedule or whose runs have stopped.",
            whyItMatters: "Those records never reach their destination (e.g. customers missing in headquarters).",
            example: "RETAILASYNCCUSTOMERV2 where OnlineOperationCompleted = 0: 12 rows, oldest before the sync's last run",
            fix: "Run the job again and check its history for the rows it skipped.",
            portuguese: FindingText(
                summary: "O trabalho que processa as linhas deixou algumas sem processar.",
                meaning: "Uma verificação de registros conta mais linhas do que o permitido que são anteriores à última execução com êxito do trabalho que as processa (ou que não têm horários para confirmar isso), ou que aguardam um trabalho que não está em um agendamento recorrente ou cujas execuções pararam.",
                whyItMatters: "Esses registros nunca chegam ao destino (por exemplo, clientes que faltam na matriz).",
                fix: "Execute o trabalho de novo e procure no histórico dele as linhas que ele deixou de processar.")),
        FindingCode(
            code: "records-waiting", severity: .note, summary: "Rows are waiting for the next run of the job that clears them.",
            meaning: "Rows exist but are younger than the clearing job's last success, and the job is on a recurring schedule that it keeps to.", whyItMatters: "Nothing is wrong yet; they go with the next run.",
            example: "3 rows written after the sync's last run", fix: "Nothing, or run the job now.",
            portuguese: FindingText(
                summary: "Há linhas aguardando a próxima execução do trabalho que as processa.",
                meaning: "Há linhas, mas elas são mais recentes que a última execução com êxito do trabalho que as processa, e o trabalho está em um agendamento recorrente que ele cumpre.",
                whyItMatters: "Ainda não há nada de errado; elas seguem na próxima execução.",
                fix: "Nada, ou execute o trabalho agora.")),
        FindingCode(
            code: "settling", severity: .note, summary: "A feature's jobs have run; caches may still lag.",
            meaning: "Every job ran after enablement, but the settle time after the last of them has not passed at takenAt.",
            whyItMatters: "A lagging effect now is expected, not a fault.", example: "1070 ran 10 minutes ago, settle time 30 min",
            fix: "Wait until the time the message gives.",
            portuguese: FindingText(
                summary: "Os trabalhos de um recurso foram executados; os caches ainda podem estar defasados.",
                meaning: "Todos os trabalhos foram executados depois da ativação, mas o tempo de estabilização após o último deles ainda não tinha passado no momento registrado em takenAt.",
                whyItMatters: "Um efeito atrasado agora é esperado, não é uma falha.",
                fix: "Aguarde até o horário que a mensagem informa.")),
        FindingCode(
            code: "missing-data", severity: .warning, summary: "The snapshot lacks a fact a rule needs.",
            meaning: "A condition cannot be evaluated: the snapshot does not say whether a feature is on, when it was switched on, when a job last succeeded, the product version, a setting's value or a record count.",
            whyItMatters: "Prereq never guesses: the answer stays unknown until the data is there.",
            example: "a job with no lastSuccess", fix: "Export the missing fact into the snapshot (the message says which).",
            portuguese: FindingText(
                summary: "Falta no snapshot um dado de que uma regra precisa.",
                meaning: "Uma condição não pode ser avaliada: o snapshot não informa se um recurso está ativado, quando ele foi ativado, quando um trabalho foi executado com êxito pela última vez, a versão do produto, o valor de uma configuração ou uma contagem de registros.",
                whyItMatters: "O Prereq nunca adivinha: a resposta continua desconhecida até que o dado esteja no snapshot.",
                fix: "Exporte para o snapshot o dado que falta (a mensagem diz qual).")),
    ]

    /// Input left out on purpose, with a note.
    static let skippedInputCodes: [FindingCode] = [
        FindingCode(
            code: "not-prereq-file", severity: .note, summary: "A YAML file that is neither a rule file nor a snapshot is skipped.",
            meaning: "A YAML document without the `prereq` version key and without `snapshot`, with keys a rule file does not have (a CI workflow kept beside the pack, say), is not Prereq's: it is left out, with this one note, instead of being reported key by key.",
            whyItMatters: "Configuration repositories keep other YAML next to their packs; one note says it was not read.",
            example: "name: CI\non: [push]\njobs: {build: {runs-on: ubuntu-latest}}", fix: "Nothing, or move the file out of the rule folder (or list only the pack's folder under rules).",
            portuguese: FindingText(
                summary: "Um arquivo YAML que não é de regras nem um snapshot é ignorado.",
                meaning: "Um documento YAML sem a chave de versão `prereq` e sem `snapshot`, com chaves que um arquivo de regras não tem (um workflow de CI ao lado do pacote, por exemplo), não é do Prereq: ele fica de fora, com esta única nota, em vez de ser apontado chave por chave.",
                whyItMatters: "Repositórios de configuração guardam outros YAML ao lado dos pacotes; uma nota diz que ele não foi lido.",
                fix: "Nada, ou tire o arquivo da pasta de regras (ou liste em rules só a pasta do pacote).")),
    ]
}
