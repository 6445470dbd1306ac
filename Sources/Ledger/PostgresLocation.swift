import Foundation
import PostgresNIO

/// Where a PostgreSQL ledger lives: a `postgres://user:password@host:port/database` URL
/// completed the way libpq completes it — the password from the URL, else `PGPASSWORD`,
/// else the password file (`PGPASSFILE` or `~/.pgpass`); user, host, port and database
/// from `PGUSER`, `PGHOST`, `PGPORT`, `PGDATABASE` when the URL leaves them out.
///
/// The password is never part of ``description``: messages and logs show the URL with
/// the password replaced by `***`.
///
/// ```swift
/// let location = try PostgresLocation(url: "postgres://ledger:s3cret@db.example:5432/reserve")
/// print(location)   // postgres://ledger:***@db.example:5432/reserve
/// ```
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    /// Kept out of ``description``.
    public var password: String?

    /// A location given part by part.
    public init(host: String, port: Int = 5432, user: String, database: String, password: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        self.password = password
    }

    /// Whether `text` names a PostgreSQL server rather than an SQLite file.
    public static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// Parses `url`, filling gaps from `environment` and the password file.
    ///
    /// - Throws: ``LedgerError/invalidRequest(_:)`` naming the (masked) URL and what is wrong.
    public init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(LedgerError) {
        let shown = Self.masked(url)
        guard Self.isURL(url), let parts = URLComponents(string: url) else {
            throw .invalidRequest(.postgresURL(url: shown))
        }
        if let query = parts.query, !query.isEmpty {
            throw .invalidRequest(.postgresQuery(url: shown, query: query))
        }
        host = parts.host.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGHOST"] ?? "localhost"
        if let port = parts.port {
            self.port = port
        } else if let text = environment["PGPORT"] {
            guard let port = Int(text), (1...65535).contains(port) else {
                throw .invalidRequest(.postgresPort(text: text))
            }
            self.port = port
        } else {
            port = 5432
        }
        user = parts.percentEncodedUser?.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["PGUSER"] ?? Self.osUser()
        let path = String(parts.percentEncodedPath.drop(while: { $0 == "/" }))
        database = path.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGDATABASE"] ?? user
        if let password = parts.percentEncodedPassword?.removingPercentEncoding {
            self.password = password
        } else if let password = environment["PGPASSWORD"] {
            self.password = password
        } else {
            let file = environment["PGPASSFILE"] ?? (environment["HOME"].map { $0 + "/.pgpass" })
            password = file.flatMap { PasswordFile.lookUp(path: $0, host: host, port: port, database: database, user: user) }
        }
    }

    /// `postgres://user:***@host:port/database`: never the password.
    public var description: String {
        "postgres://\(user)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
    }

    /// `url` with the password in its user-info replaced by `***`, for messages about
    /// URLs that could not even be parsed.
    public static func masked(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@"),
              let colon = rest[..<at].firstIndex(of: ":") else { return url }
        return String(url[..<rest.index(after: colon)]) + "***" + String(url[at...])
    }

    /// The postgres-nio configuration (TLS off: a bureau's server on its own network or
    /// a local socket; a TLS option is future work).
    package var configuration: PostgresConnection.Configuration {
        PostgresConnection.Configuration(host: host, port: port, username: user, password: password,
                                         database: database, tls: .disable)
    }

    private static func osUser() -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "postgres"
    }
}

/// libpq's password file: lines `host:port:database:user:password`, `*` matching
/// anything, `\:` and `\\` escaped; ignored (as libpq does) when others may read it.
package enum PasswordFile {
    package static func lookUp(path: String, host: String, port: Int, database: String, user: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & 0o077 == 0,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return lookUp(text: text, host: host, port: port, database: database, user: user)
    }

    package static func lookUp(text: String, host: String, port: Int, database: String, user: String) -> String? {
        let wanted = [host, String(port), database, user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// Splits on unescaped `:`, removing the escapes.
    private static func split(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
