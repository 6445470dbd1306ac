/// Places map labels so that no two overlap and none covers a marker: each label
/// tries positions around its point, nearest first, and takes the first free one
/// inside the frame. Deterministic: same points in the same order, same places.
struct LabelPlacer {
    /// An axis-aligned box in SVG pixels.
    struct Box: Equatable {
        var x: Double, y: Double, width: Double, height: Double
        func overlaps(_ o: Box) -> Bool {
            x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height
        }
    }

    /// A placed label: its box and where the text's baseline starts.
    struct Placement {
        var box: Box
        var textX: Double, textY: Double
        /// Whether the label sits away from its point (a leader line is drawn).
        var detached: Bool
    }

    let frame: Box
    let fontSize: Double
    private(set) var taken: [Box] = []

    init(frame: Box, fontSize: Double = 12) {
        self.frame = frame
        self.fontSize = fontSize
    }

    /// Keeps labels off a marker or another fixed mark.
    mutating func block(_ box: Box) { taken.append(box) }

    /// The width a text takes, over-estimated (a CJK character 1.2 em, others 0.6 em)
    /// so that the real boxes, smaller in every font of the stack, cannot overlap.
    func textWidth(_ text: String) -> Double { Double(displayWidth(text)) * fontSize * 0.6 + 4 }

    /// Places `text` near (x, y): around the point first, else at the nearest free
    /// spot of the frame; nil only when the frame has no room left.
    mutating func place(_ text: String, x: Double, y: Double) -> Placement? {
        // CJK fonts' line boxes are about 1.45 em tall (ascent + descent); a label
        // may have several lines ("\n").
        let lines = text.split(separator: "\n").map(String.init)
        let w = lines.map(textWidth).max() ?? 0, h = fontSize * 1.6 * Double(max(lines.count, 1))
        for ring in [0.0, 14, 30, 50, 75, 105, 140] {
            let d = 9 + ring
            // right, left, above, below, then the diagonals
            let candidates: [(Double, Double)] = [
                (x + d, y - h / 2), (x - d - w, y - h / 2), (x - w / 2, y - d - h), (x - w / 2, y + d),
                (x + d * 0.7, y - d * 0.7 - h), (x - d * 0.7 - w, y - d * 0.7 - h), (x + d * 0.7, y + d * 0.7), (x - d * 0.7 - w, y + d * 0.7),
            ]
            for (bx, by) in candidates {
                let box = Box(x: bx, y: by, width: w, height: h)
                guard box.x >= frame.x, box.y >= frame.y, box.x + box.width <= frame.x + frame.width,
                      box.y + box.height <= frame.y + frame.height, !taken.contains(where: box.overlaps) else { continue }
                taken.append(box)
                return Placement(box: box, textX: bx + 2, textY: by + fontSize * 1.2, detached: ring > 0)
            }
        }
        // Crowded: the nearest free spot anywhere in the frame, on a 6 px grid (a
        // leader line joins it to its point).
        var best: (distance: Double, box: Box)?
        var by = frame.y
        while by + h <= frame.y + frame.height {
            var bx = frame.x
            while bx + w <= frame.x + frame.width {
                let box = Box(x: bx, y: by, width: w, height: h)
                let cx = min(max(x, bx), bx + w), cy = min(max(y, by), by + h)
                let distance = (cx - x) * (cx - x) + (cy - y) * (cy - y)
                if distance < best?.distance ?? .infinity, !taken.contains(where: box.overlaps) { best = (distance, box) }
                bx += 6
            }
            by += 6
        }
        guard let best else { return nil }
        taken.append(best.box)
        return Placement(box: best.box, textX: best.box.x + 2, textY: best.box.y + fontSize * 1.2, detached: true)
    }
}
