import Foundation
import Testing
import TestSupport

/// The HTML report of every sample's headline scenario, in Chinese, loaded in headless
/// Chromium (installed by scripts/setup.sh): a script in the page checks that no two
/// map labels overlap, that every depot and area drawn has a label, that the scale
/// bar and north arrow are there, that the areas' boundaries are drawn with every
/// affected area's marker inside its own, tinted outline, that chart labels do not
/// overlap, and that the page logs no error; a screenshot is taken and is not blank.
@Suite(.serialized) struct HTMLReportBrowserTests {
    static let bundles = ["hegang", "huangshigang", "linjiang", "suzhou", "manzhouli", "helsinki"]

    /// Runs first in the page (before the report's own content) and writes its
    /// findings into `<pre id="check">` once the page has loaded.
    static let checker = """
    <script>
    window.__errors = [];
    window.addEventListener('error', e => window.__errors.push(String(e.message || e.type)), true);
    const consoleError = console.error;
    console.error = (...a) => { window.__errors.push(a.join(' ')); consoleError(...a); };
    window.addEventListener('load', () => {
      const overlapping = els => {
        const boxes = els.map(e => e.getBoundingClientRect());
        const pairs = [];
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j];
          if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
            pairs.push([els[i].textContent, els[j].textContent]);
        }
        return pairs;
      };
      const labels = [...document.querySelectorAll('svg.map text.label')];
      const places = [...document.querySelectorAll('svg.map [data-place]')].map(e => e.getAttribute('data-place'));
      const labelled = new Set(labels.map(l => l.getAttribute('data-for')));
      const result = {
        labels: labels.length,
        places: places.length,
        depots: document.querySelectorAll('svg.map rect[data-place], svg.map line[data-place]').length,
        overlaps: overlapping(labels),
        unlabelled: places.filter(p => !labelled.has(p)),
        chartOverlaps: overlapping([...document.querySelectorAll('text.chart-label')]),
        scaleBar: document.querySelectorAll('svg.map g.scale-bar').length,
        northArrow: document.querySelectorAll('svg.map g.north-arrow').length,
        technicalClosed: !document.querySelector('details.technical').open,
        boundaries: document.querySelectorAll('svg.map path.boundary').length,
        // Each area marker must lie inside the drawn boundary of its own area, which is tinted.
        outsideOwnBoundary: [...document.querySelectorAll('svg.map g[data-place]')].filter(g => {
          const b = g.getBBox(), id = g.getAttribute('data-place');
          const outline = [...document.querySelectorAll('svg.map path.boundary')].find(p => p.getAttribute('data-area') === id);
          return !outline || outline.getAttribute('fill') === 'none'
            || !outline.isPointInFill(new DOMPoint(b.x + b.width / 2, b.y + b.height / 2));
        }).map(g => g.getAttribute('data-place')),
        closedRoads: document.querySelectorAll('svg.map g.closed-road').length,
        closedCrossings: document.querySelectorAll('svg.map g.closed-crossing').length,
        slowedRoads: document.querySelectorAll('svg.map polyline.slowed-road').length,
        // Closed crossings drawn outside the map's frame would be invisible.
        crossingsOutside: [...document.querySelectorAll('svg.map g.closed-crossing')].filter(g => {
          const b = g.getBBox();
          return b.x + b.width < 0 || b.y + b.height < 0 || b.x > 900 || b.y > 560;
        }).length,
        crossingLegend: (document.querySelector('.legend .legend-closed-crossings') || {}).textContent || '',
        errors: window.__errors,
      };
      const pre = document.createElement('pre');
      pre.id = 'check';
      pre.textContent = JSON.stringify(result);
      document.body.appendChild(pre);
    });
    </script>
    """

    @Test(arguments: bundles)
    func reportLoadsWithLabelsThatDoNotOverlap(bundle: String) throws {
        let r = try runReserve(["dispatch", "Data/\(bundle)", "--format", "html", "--lang", "zh"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("er-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let page = scratch.appendingPathComponent("\(bundle).html")
        let checked = r.stdout.replacingOccurrences(of: "<head><meta charset=\"utf-8\">", with: "<head><meta charset=\"utf-8\">" + Self.checker)
        #expect(checked != r.stdout)
        try checked.write(to: page, atomically: true, encoding: .utf8)

        let dom = try chromium(["--dump-dom", page.absoluteString], in: scratch)
        let json = try #require(dom.stdout.range(of: "<pre id=\"check\">").flatMap { start in
            dom.stdout[start.upperBound...].range(of: "</pre>").map { String(dom.stdout[start.upperBound..<$0.lowerBound]) }
        }, "no check result: \(dom.stderr.suffix(2000))")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(json.replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").utf8))
            as? [String: Any])
        #expect((result["places"] as? Int ?? 0) >= 3, "\(result)")
        #expect(result["labels"] as? Int == result["places"] as? Int, "\(result)")
        #expect((result["depots"] as? Int ?? 0) >= 1)
        #expect((result["overlaps"] as? [Any])?.isEmpty == true, "\(bundle): overlapping labels \(result["overlaps"] ?? "")")
        #expect((result["unlabelled"] as? [Any])?.isEmpty == true, "\(bundle): unlabelled \(result["unlabelled"] ?? "")")
        #expect((result["chartOverlaps"] as? [Any])?.isEmpty == true, "\(bundle): chart \(result["chartOverlaps"] ?? "")")
        #expect(result["scaleBar"] as? Int == 1 && result["northArrow"] as? Int == 1)
        #expect(result["technicalClosed"] as? Bool == true)
        // The sample's areas.geojson: outlines drawn, every affected area inside its own.
        #expect((result["boundaries"] as? Int ?? 0) >= 5, "\(result)")
        #expect((result["outsideOwnBoundary"] as? [Any])?.isEmpty == true, "\(bundle): \(result["outsideOwnBoundary"] ?? "")")
        #expect((result["errors"] as? [Any])?.isEmpty == true, "\(bundle): errors \(result["errors"] ?? "")")
        if bundle == "helsinki" {
            // The storm surge's closed bridges and tunnels and its slowed streets, drawn and
            // named: as many as shapely and networkx find (Tests/Fixtures/helsinki-coverage).
            let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: packageRoot
                .appendingPathComponent("Tests/Fixtures/helsinki-coverage/reference.json"))) as? [String: Any]
            let closedRows = try #require(reference?["closed_rows"] as? [Int]), slowedRows = try #require(reference?["slowed_rows"] as? [Int])
            #expect(closedRows.count == 5 && slowedRows.count == 72)
            #expect(result["closedCrossings"] as? Int == closedRows.count, "\(result)")
            #expect(result["closedRoads"] as? Int == closedRows.count, "only crossings are closed: \(result)")
            #expect(result["slowedRoads"] as? Int == slowedRows.count, "\(result)")
            #expect(result["crossingsOutside"] as? Int == 0, "\(result)")
            #expect((result["crossingLegend"] as? String)?.trimmingCharacters(in: .whitespaces) == "封闭的桥梁、隧道、漫水路（5 段）：风暴潮淹没线（海拔 2 m）", "\(result)")
        } else {
            #expect(result["closedCrossings"] as? Int == 0)
        }
        #expect(!dom.stderr.contains("Uncaught"), "\(dom.stderr)")

        // A screenshot of the real page: a PNG, and not one flat colour (the map and text are drawn).
        let png = scratch.appendingPathComponent("\(bundle).png")
        let shot = try chromium(["--hide-scrollbars", "--window-size=1150,1400", "--screenshot=\(png.path)",
                                 scratch.appendingPathComponent("plain.html").absoluteString], in: scratch, page: r.stdout)
        let data = try Data(contentsOf: png)
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(shot.stderr.suffix(500))")
        #expect(data.count > 40_000, "screenshot of \(data.count) bytes")
    }

    /// Runs headless Chromium with `arguments`; `page`, when given, is written to plain.html first.
    func chromium(_ arguments: [String], in directory: URL, page: String? = nil) throws -> (stdout: String, stderr: String) {
        if let page { try page.write(to: directory.appendingPathComponent("plain.html"), atomically: true, encoding: .utf8) }
        let executable = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        let path = try #require(executable, "no Chromium: run scripts/setup.sh (apt-get install chromium fonts-noto-cjk)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(directory.appendingPathComponent("profile").path)",
                             "--virtual-time-budget=5000"] + arguments
        let out = directory.appendingPathComponent("chromium.out"), err = directory.appendingPathComponent("chromium.err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try? outHandle.close(); try? errHandle.close()
        return (String(decoding: try Data(contentsOf: out), as: UTF8.self), String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}
