/// The report's one stylesheet, inline: a measure of about 70 characters,
/// figures right-aligned in tabular digits with their bound signs set
/// apart, and a print layout that shows each link's address.
enum ReportStyle {
    static let css = """
    :root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --rule: #d9dee4; --accent: #1a4f8b; --bound: #9a4d00; }
    html { background: #fff; }
    body { margin: 0; color: var(--ink); background: #fff; font: 17px/1.6 Charter, "Bitstream Charter", Georgia, "DejaVu Serif", serif; }
    main { max-width: 70ch; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
    header { border-bottom: 2px solid var(--ink); margin-bottom: 1.5rem; }
    .kicker { margin: 0; font: 600 .8rem/1.4 "DejaVu Sans", Helvetica, Arial, sans-serif; letter-spacing: .08em; text-transform: uppercase; color: var(--accent); }
    h1 { font-size: 2rem; line-height: 1.2; margin: .2rem 0 .4rem; }
    h2 { font-size: 1.3rem; line-height: 1.3; margin: 2.4rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid var(--rule); }
    .meta { color: var(--muted); font-size: .9rem; margin: 0 0 .8rem; }
    p { margin: .6rem 0; }
    a { color: var(--accent); }
    code, pre, .num, .marks, .assumptions, .why, table { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    code { font-size: .86em; background: #f4f6f8; padding: .05em .25em; border-radius: 3px; }
    pre { font-size: .84rem; line-height: 1.45; white-space: pre-wrap; overflow-wrap: anywhere; margin: .5rem 0; }
    pre.statement { background: #f4f6f8; border-left: 3px solid var(--accent); padding: .45rem .75rem; margin-top: 1rem; }
    pre.statement code { background: none; padding: 0; font-size: 1em; }
    pre.output { padding: .2rem .75rem; }
    pre.error { color: #8a1c1c; background: #fdf1f1; border-left: 3px solid #c53030; padding: .45rem .75rem; }
    .value { font-size: 1.05rem; font-weight: 600; padding-left: .75rem; margin: .4rem 0 .8rem; }
    .value.num { font-variant-numeric: tabular-nums; }
    .note { color: var(--muted); font-style: italic; padding-left: .75rem; }
    .sentence { padding-left: .75rem; }
    .bound { color: var(--bound); font-weight: 700; }
    .marks { font-size: .75em; font-weight: 400; vertical-align: super; line-height: 0; margin-left: .2em; white-space: nowrap; }
    .mark { text-decoration: none; }
    .mark:hover, .mark:focus { text-decoration: underline; }
    /* A wide table may use the room right of the measure, up to the window's edge. */
    .table { overflow-x: auto; margin: .4rem min(0px, calc((70ch + 2.5rem - 100vw) / 2 + 1rem)) .8rem 0; }
    td { max-width: 34ch; }
    table { border-collapse: collapse; font-size: .76rem; font-variant-numeric: tabular-nums; }
    th, td { padding: .25rem .5rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--rule); }
    thead th { border-bottom: 2px solid var(--ink); font-weight: 700; }
    th.num, td.num { text-align: right; white-space: nowrap; }
    table.record th { font-weight: 600; color: var(--muted); }
    td.sources, th.sources { text-align: left; white-space: nowrap; }
    td.sources .marks { vertical-align: baseline; font-size: .95em; }
    .assumptions { font-size: .78rem; color: var(--muted); margin: .3rem 0 1rem; padding-left: .75rem; }
    .assumptions dt { font-weight: 700; float: left; clear: left; margin-right: .6em; }
    .assumptions dd { margin: 0 0 .1rem 5.5em; }
    .why { font-size: .8rem; }
    .why ul { list-style: none; margin: 0; padding-left: 1.1rem; border-left: 1px solid var(--rule); }
    .why > ul { border-left: none; padding-left: .75rem; }
    .why li { margin: .15rem 0; }
    .why > ul > li > .why-item { font-weight: 700; font-size: 1.05rem; }
    .why code { background: none; padding: 0; font-size: 1em; }
    .why-value { font-weight: 700; white-space: nowrap; }
    .why-cite { color: var(--muted); font-family: Charter, "Bitstream Charter", Georgia, "DejaVu Serif", serif; font-size: 1.1em; }
    figure.chart { margin: 1rem 0; }
    figure.chart svg { max-width: 100%; height: auto; display: block; }
    figcaption { font-size: .85rem; color: var(--muted); margin-top: .3rem; }
    .sources ol { padding-left: 1.6rem; }
    .sources li { margin: .45rem 0; overflow-wrap: anywhere; }
    .sources li:target { background: #fff4cc; }
    .sources .place { font-weight: 700; }
    .sources q { font-style: italic; }
    .figures { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85em; }
    @media print {
      body { font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      .table { margin-right: 0; overflow: visible; }
      a { color: inherit; text-decoration: none; }
      pre.statement, pre.error, code, .sources li:target { background: none; }
      section, figure, table, pre { break-inside: avoid; }
      h2 { break-after: avoid; }
      .sources a.address::after { content: ""; }
    }

    """
}
