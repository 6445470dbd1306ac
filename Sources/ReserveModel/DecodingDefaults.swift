extension KeyedDecodingContainer {
    /// Decodes a value that hand-written JSON may leave out, falling back to a
    /// default. Scenario files are typed by people; requiring `"depot_damage": []`
    /// in every incident would only produce errors nobody learns from.
    func decode<T: Decodable>(_ key: Key, default value: @autoclosure () -> T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? value()
    }
}
