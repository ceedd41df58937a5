import Diagnostics
import Testing

/// JSON string literals: plain text is copied whole, everything JSON or a JavaScript reader
/// needs escaped is escaped.
@Suite struct JSONValueTests {
    @Test func plainTextIsCopiedAsItIs() {
        #expect(JSONValue.string("async-customer-mode · Modo assíncrono").serialized() == "\"async-customer-mode · Modo assíncrono\"")
    }

    @Test func quotesBackslashesAndControlsAreEscaped() {
        #expect(JSONValue.string("a \"b\" \\ c\n\r\t\u{1}\u{7F}").serialized() == #""a \"b\" \\ c\n\r\t\u0001\u007f""#)
    }

    @Test func lineAndParagraphSeparatorsAreEscapedButOtherCharactersStartingTheSameWayAreNot() {
        #expect(JSONValue.string("x\u{2028}y\u{2029}z → ok").serialized() == "\"x\\u2028y\\u2029z → ok\"")
    }

    @Test func objectsKeepTheirKeyOrder() {
        let v = JSONValue.object([("b", .int(1)), ("a", .array([.null, .bool(true), .string("q\"")]))])
        #expect(v.serialized() == #"{"b":1,"a":[null,true,"q\""]}"#)
    }
}
