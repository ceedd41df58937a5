import Foundation
import Diagnostics
import PrereqCore
import Testing

/// `prereq explain`'s texts: every code in English and Brazilian Portuguese, the English
/// untouched (SARIF and golden files use it), and the layout with headings in both languages.
@Suite struct ExplainCatalogTests {
    static let portuguese = Messages(.brazilianPortuguese)
    static let english = Messages(.english)

    @Test func everyEntryHasPortugueseTextDifferentFromTheEnglish() {
        #expect(FindingCatalog.all.count >= 40)
        for entry in FindingCatalog.all {
            let en = entry.text(in: .english)
            let pt = entry.text(in: .brazilianPortuguese)
            let pairs = [
                ("summary", en.summary, pt.summary), ("meaning", en.meaning, pt.meaning),
                ("whyItMatters", en.whyItMatters, pt.whyItMatters), ("fix", en.fix, pt.fix),
            ]
            for (field, english, portuguese) in pairs {
                #expect(!portuguese.trimmingCharacters(in: .whitespaces).isEmpty, "\(entry.code): empty Portuguese \(field)")
                #expect(portuguese != english, "\(entry.code): Portuguese \(field) is the English one")
            }
        }
    }

    @Test func theEnglishFieldsAreTheEnglishText() {
        for entry in FindingCatalog.all {
            #expect(entry.text(in: .english) == entry.english)
            #expect(entry.summary == entry.english.summary)
            #expect(entry.meaning == entry.english.meaning)
            #expect(entry.whyItMatters == entry.english.whyItMatters)
            #expect(entry.fix == entry.english.fix)
        }
    }

    @Test func portugueseIsChosenByTheLanguageTag() throws {
        let entry = try #require(FindingCatalog.entry("requires-cycle"))
        #expect(entry.text(in: Language(tag: "pt-BR")) == entry.portuguese)
        #expect(entry.text(in: Language(tag: "pt")) == entry.portuguese)
        #expect(entry.text(in: Language(tag: "en-US")) == entry.english)
        #expect(entry.text(in: Language(tag: "de")) == entry.english)
    }

    @Test func requiresCycleInPortuguese() throws {
        let pt = try #require(FindingCatalog.entry("requires-cycle")).text(in: .brazilianPortuguese)
        #expect(pt.summary == "Recursos exigem uns aos outros em ciclo.")
        #expect(pt.meaning == "Seguindo os requisitos obrigatórios (all-of) a partir de um recurso, chega-se de volta a ele; a mensagem mostra o ciclo inteiro.")
        #expect(pt.whyItMatters == "Nenhum dos recursos do ciclo pode ser ativado primeiro.")
        #expect(pt.fix == "Remova um dos requisitos do ciclo.")
    }

    @Test func jobNotRunInPortuguese() throws {
        let pt = try #require(FindingCatalog.entry("job-not-run")).text(in: .brazilianPortuguese)
        #expect(pt.summary == "Um trabalho não foi executado com êxito desde que um recurso foi ativado, uma configuração foi alterada ou o produto foi atualizado.")
        #expect(pt.meaning.hasPrefix("O recurso só entra em vigor depois que o trabalho é executado com êxito"))
        #expect(pt.whyItMatters.contains("os canais não ficam sabendo da mudança"))
        #expect(pt.fix == "Execute o trabalho (para os canais indicados).")
    }

    @Test func keysAndYAMLWordsStayUntranslated() throws {
        #expect(try #require(FindingCatalog.entry("schema-version")).portuguese.meaning.contains("`prereq: 1`"))
        #expect(try #require(FindingCatalog.entry("schema-version")).portuguese.fix.contains("`prereq: 1`"))
        #expect(try #require(FindingCatalog.entry("after-cycle")).portuguese.fix.contains("`after`"))
        #expect(try #require(FindingCatalog.entry("settling")).portuguese.meaning.contains("tempo de estabilização"))
        #expect(try #require(FindingCatalog.entry("settling")).portuguese.meaning.contains("takenAt"))
    }

    @Test func unknownReferenceEnglishIsUnchanged() throws {
        let entry = try #require(FindingCatalog.entry("unknown-reference"))
        #expect(entry.severity == .error)
        #expect(entry.summary == "A reference to an id the pack does not define.")
        #expect(entry.meaning == "A requirement, conflict, job, setting or check names an id that no definition has; the closest id is suggested.")
        #expect(entry.whyItMatters == "The rule cannot be evaluated; usually a typo.")
        #expect(entry.example == "requires: [enhanced-async-customer-creaton]")
        #expect(entry.fix == "Correct the id, or define the missing element.")
    }

    @Test func englishExplanationKeepsItsLayout() throws {
        let entry = try #require(FindingCatalog.entry("requires-cycle"))
        #expect(Self.english.explanation(of: entry) == """
            requires-cycle (error): Features require each other in a cycle.

            What it means:
              Following all-of requirements from a feature leads back to it; the message gives the whole cycle.

            Why it matters:
              None of the features in the cycle can ever be switched on first.

            Example:
              a: {requires: [b]}
              b: {requires: [a]}

            How to fix it:
              Remove one requirement of the cycle.

            """)
    }

    @Test func portugueseExplanationHasPortugueseHeadingsAndTheSameExample() throws {
        let entry = try #require(FindingCatalog.entry("requires-cycle"))
        #expect(Self.portuguese.explanation(of: entry) == """
            requires-cycle (error): Recursos exigem uns aos outros em ciclo.

            O que significa:
              Seguindo os requisitos obrigatórios (all-of) a partir de um recurso, chega-se de volta a ele; a mensagem mostra o ciclo inteiro.

            Por que importa:
              Nenhum dos recursos do ciclo pode ser ativado primeiro.

            Exemplo:
              a: {requires: [b]}
              b: {requires: [a]}

            Como corrigir:
              Remova um dos requisitos do ciclo.

            """)
    }

    @Test func theListIsInTheChosenLanguage() {
        let english = Self.english.findingCodeList(FindingCatalog.all)
        let portuguese = Self.portuguese.findingCodeList(FindingCatalog.all)
        #expect(english.split(separator: "\n").count == FindingCatalog.all.count)
        #expect(portuguese.split(separator: "\n").count == FindingCatalog.all.count)
        #expect(english.contains("requires-cycle          Features require each other in a cycle.\n"))
        #expect(portuguese.contains("requires-cycle          Recursos exigem uns aos outros em ciclo.\n"))
    }

    @Test func codesOutsideTheCatalogFallBackToEnglish() {
        let entry = FindingCode(
            code: "x", severity: .warning, summary: "Finding x.", meaning: "", whyItMatters: "", example: "", fix: "See it.")
        #expect(entry.text(in: .brazilianPortuguese) == entry.english)
    }
}
