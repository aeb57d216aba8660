import SteppeCore

#if canImport(Glibc)
import Glibc
#endif

/// libSteppeReport.so, the writer of `--report` (HTML or markdown), opened
/// from the executable's own folder only when a report is asked for.
enum ReportLibrary {
    typealias Entry = @convention(c) (UnsafeMutableRawPointer) -> Int32

    /// `OUT.html` or `OUT.md`, with a name before the extension.
    static func isReportName(_ path: String) -> Bool {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        return (name.hasSuffix(".html") && name.count > 5) || (name.hasSuffix(".md") && name.count > 3)
    }

    /// Writes the job's report; nil when written, else why not.
    static func write(_ job: ReportJob) -> String? {
        guard let folder = CommandLineLibrary.executableFolder() else { return "cannot find the steppe executable's folder" }
        let path = folder + "/libSteppeReport.so"
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            return dlerror().map { String(cString: $0) } ?? "cannot open \(path)"
        }
        guard let symbol = dlsym(handle, "steppe_report_write") else {
            return "\(path) has no steppe_report_write"
        }
        let entry = unsafeBitCast(symbol, to: Entry.self)
        let status = withExtendedLifetime(job) { entry(Unmanaged.passUnretained(job).toOpaque()) }
        return status == 0 ? nil : (job.failure ?? "the report could not be written")
    }
}
