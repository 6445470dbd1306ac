import Foundation

/// The package root (the folder holding Package.swift), found from this file's path.
public let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("cannot find the package root above \(#filePath)")
}()

/// What a finished command printed and how it exited.
public struct CommandResult: Sendable {
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs the built `reserve` executable (next to the test bundle, or in .build/debug)
/// with `arguments`, from the package root. The locale variables are set so that
/// the output does not depend on the machine's: English unless `locale` names
/// another (`["LANG": "zh_CN.UTF-8"]`), which replaces LANG, LC_ALL and LC_MESSAGES.
public func runReserve(_ arguments: [String], input: String? = nil, locale: [String: String] = ["LC_ALL": "C", "LANG": "C"],
                       directory: URL = packageRoot) throws -> CommandResult {
    let executable = try reserveExecutable()
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    for name in ["LANG", "LC_ALL", "LC_MESSAGES"] { environment[name] = locale[name] }
    process.environment = environment
    process.currentDirectoryURL = directory
    // Output goes to files, not pipes, so that a large output can never block the child.
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("er-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    let inPipe = Pipe()
    process.standardInput = inPipe
    try process.run()
    if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try? inPipe.fileHandleForWriting.close()
    process.waitUntilExit()
    try? out.close(); try? err.close()
    let outData = (try? Data(contentsOf: outURL)) ?? Data()
    let errData = (try? Data(contentsOf: errURL)) ?? Data()
    return CommandResult(exitCode: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// The `reserve` binary that `swift build` made for these tests.
public func reserveExecutable() throws -> URL {
    var candidates: [URL] = []
    let argv0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    // The test runner lives in the products directory (…/debug/XPackageTests.xctest).
    candidates.append(argv0.deletingLastPathComponent().appendingPathComponent("reserve"))
    candidates.append(argv0.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("reserve"))
    candidates.append(packageRoot.appendingPathComponent(".build/debug/reserve"))
    for url in candidates where FileManager.default.isExecutableFile(atPath: url.path) { return url }
    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "reserve (looked in \(candidates.map(\.path)))"])
}
