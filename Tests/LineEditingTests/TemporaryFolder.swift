import Foundation

/// A fresh folder under /tmp, removed with everything in it by ``remove()``.
struct TemporaryFolder {
    let path: String

    init() {
        var template = Array("/tmp/steppe-lineediting-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = String(cString: made!)
    }

    func file(_ name: String) -> String {
        path + "/" + name
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

func writeFile(_ path: String, _ bytes: [UInt8]) {
    precondition(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
}

func readFile(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
}

func fileExists(_ path: String) -> Bool {
    access(path, F_OK) == 0
}

func permissions(_ path: String) -> mode_t {
    var info = stat()
    precondition(stat(path, &info) == 0, "cannot stat \(path)")
    return info.st_mode & 0o777
}
