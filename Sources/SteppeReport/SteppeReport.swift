import SteppeCore

/// `--report OUT.html` / `--report OUT.md`: writes the report of the
/// statements a session recorded.
///
/// A library of its own, opened by the executable only for `--report`:
/// Ink brings Foundation, which the start-up path must not load.
public enum SteppeReport {
    /// Writes the report `job.path` names (and, for markdown, its charts
    /// beside it); fills `job.written`, or `job.failure` when a file could
    /// not be written.
    public static func write(_ job: ReportJob) {
        let model = ReportModel(records: job.records)
        do {
            if job.path.hasSuffix(".md") {
                let stem = String(job.path.dropLast(3))
                let (text, charts) = MarkdownReport(model: model, stem: stem).output
                for chart in charts {
                    try FileIO.write(path: chart.name, text: chart.svg)
                    job.written.append(chart.name)
                }
                try FileIO.write(path: job.path, text: text)
            } else {
                try FileIO.write(path: job.path, text: HTMLReport(model: model).text)
            }
            job.written.append(job.path)
        } catch {
            job.failure = error.message
        }
    }

    /// The HTML of a report of these statements (tests).
    public static func html(_ records: [StatementRecord]) -> String {
        HTMLReport(model: ReportModel(records: records)).text
    }

    /// The markdown of a report of these statements, and its charts (tests).
    public static func markdown(_ records: [StatementRecord], stem: String) -> (text: String, charts: [(name: String, svg: String)]) {
        MarkdownReport(model: ReportModel(records: records), stem: stem).output
    }

    /// The Sources list of a report of these statements: each entry's
    /// number, source id, place and quotes (tests).
    public static func sources(_ records: [StatementRecord]) -> [(number: Int, source: String, place: String?, quotes: [String])] {
        ReportModel(records: records).citations.entries.map { ($0.number, $0.source.id, $0.place, $0.quotes) }
    }
}

/// The C entry the executable finds with dlsym: `job` is an unretained
/// `ReportJob`. Returns 0 when the report was written, 1 when not (the
/// reason in `job.failure`).
@_cdecl("steppe_report_write")
public func steppeReportWrite(_ job: UnsafeMutableRawPointer) -> Int32 {
    let report = Unmanaged<ReportJob>.fromOpaque(job).takeUnretainedValue()
    SteppeReport.write(report)
    return report.failure == nil ? 0 : 1
}
