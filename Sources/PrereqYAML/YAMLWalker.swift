/// Walks a node tree in document order with an explicit stack (no recursion, so any depth the
/// loader accepts is safe). Aliases are leaves: they are reported, never followed.
public enum YAMLWalker {
    /// The place a node holds in its parent.
    public enum Role: Sendable { case root, element, key, value }

    public enum Event {
        case enter(YAMLNode, role: Role, depth: Int)
        case leave(YAMLNode, role: Role, depth: Int)
    }

    public static func walk(_ root: YAMLNode, _ visit: (Event) -> Void) {
        // Each frame: a node, its role, and how many children have been handed out.
        var stack: [(node: YAMLNode, role: Role, next: Int)] = [(root, .root, 0)]
        visit(.enter(root, role: .root, depth: 0))
        while let top = stack.last {
            let node = top.node
            let childCount = node.kind == .mapping ? node.count * 2 : node.kind == .sequence ? node.count : 0
            if top.next < childCount {
                stack[stack.count - 1].next += 1
                let child: YAMLNode
                let role: Role
                if node.kind == .mapping {
                    child = node.child(at: top.next)
                    role = top.next % 2 == 0 ? .key : .value
                } else {
                    child = node.child(at: top.next)
                    role = .element
                }
                visit(.enter(child, role: role, depth: stack.count))
                stack.append((child, role, 0))
            } else {
                stack.removeLast()
                visit(.leave(node, role: top.role, depth: stack.count))
            }
        }
    }
}

extension YAMLNode {
    /// The i-th child in storage order: for a mapping, keys at even and values at odd positions.
    func child(at i: Int) -> YAMLNode {
        let r = document.records[Int(index)]
        return YAMLNode(document: document, index: document.children[Int(r.payload) + i])
    }
}
