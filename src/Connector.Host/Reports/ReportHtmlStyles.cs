namespace Connector.Host.Reports;

/// <summary>The inline style sheet of the HTML report (no external resources, prints well).</summary>
internal static class ReportHtmlStyles
{
    public const string Css = """
        :root { color-scheme: light; --ok: #1b7f3b; --bad: #c62828; --ink: #1d2430; --muted: #5b6675; --line: #d9dee5; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 24px 32px 48px; font: 15px/1.45 system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--ink); background: #f6f7f9; }
        main { max-width: 1100px; margin: 0 auto; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 18px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
        h3 { font-size: 16px; margin: 0 0 8px; }
        .entity { font-size: 17px; color: var(--muted); margin: 0 0 12px; }
        dl.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 8px 24px; margin: 0; }
        dl.facts dt { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
        dl.facts dd { margin: 0; font-weight: 600; }
        .banner { margin: 24px 0 8px; padding: 18px 24px; border-radius: 8px; color: #fff; font-size: 28px; font-weight: 800; letter-spacing: .02em; }
        .banner.ok { background: var(--ok); }
        .banner.bad { background: var(--bad); border: 4px solid #7f0000; }
        .banner ul { margin: 8px 0 0; padding-left: 24px; font-size: 18px; font-weight: 700; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(330px, 1fr)); gap: 16px; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
        .card.bad { border: 3px solid var(--bad); }
        table { width: 100%; border-collapse: collapse; background: #fff; }
        th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
        tr.diff td { font-weight: 700; }
        tr.diff.bad td { color: var(--bad); }
        tr.diff.ok td { color: var(--ok); }
        .equation { font-size: 12px; color: var(--muted); margin: 8px 0 0; }
        .warn { color: var(--bad); font-weight: 700; }
        .bars { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
        .bar-row { display: grid; grid-template-columns: 260px 1fr 70px; gap: 12px; align-items: center; margin: 4px 0; }
        .bar-label { font-family: ui-monospace, Consolas, monospace; font-size: 13px; overflow-wrap: anywhere; }
        .bar-track { background: #eef0f3; border-radius: 4px; height: 18px; }
        .bar { background: #e0792b; height: 18px; border-radius: 4px; min-width: 2px; }
        .bar-count { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
        .sha { font-family: ui-monospace, Consolas, monospace; font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
        .status-bad { color: var(--bad); font-weight: 700; }
        ul.problems { margin: 0; padding-left: 18px; font-size: 13px; }
        .none { color: var(--muted); font-style: italic; }
        ul.packages { font-family: ui-monospace, Consolas, monospace; font-size: 13px; }
        @media print { body { background: #fff; padding: 0; } .banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
        tr.scan figure { display: inline-block; margin: 0.3em 1em 0.6em 0; }
        tr.scan img { max-width: 100%; max-height: 12em; border: 1px solid #ccc; }
        tr.scan figcaption { font-size: 0.8em; color: #555; }
        """;
}
