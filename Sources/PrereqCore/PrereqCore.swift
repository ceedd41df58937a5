// The library an embedding package imports: `import PrereqCore` brings every layer, from the
// rule and snapshot model up to the CI gate. The layers themselves are separate targets so the
// compiler keeps the data flowing one way (docs/library.md describes them).
@_exported import Diagnostics
@_exported import PrereqAnswers
@_exported import PrereqBasics
@_exported import PrereqEvaluation
@_exported import PrereqGate
@_exported import PrereqGraph
@_exported import PrereqImport
@_exported import PrereqLoading
@_exported import PrereqMessages
@_exported import PrereqModel
@_exported import PrereqOutput
@_exported import PrereqYAML
