using System.Globalization;
using FocusBot.Core.Audit;
using FocusBot.Core.Privacy;

namespace FocusBot.Privacy;

/// <summary>
/// <c>purge [--dry-run]</c>: erases now the text of situations concluded more than <c>Privacy:RetentionMonths</c> ago
/// (what the daily job does), or with <c>--dry-run</c> lists what it would erase and changes nothing. Exit code 0.
/// </summary>
public static class PurgeCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, bool dryRun, TextWriter output, CancellationToken cancellationToken)
    {
        var purge = services.GetRequiredService<RetentionPurge>();
        var report = dryRun ? await purge.PlanAsync(cancellationToken) : await purge.PurgeAsync(AuditChannel.PurgeCommand, cancellationToken);
        var cutoff = report.Cutoff.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        if (report.Situations.Count == 0)
        {
            await output.WriteLineAsync($"Nothing to erase: no situation concluded on or before {cutoff} ({report.RetentionMonths} months ago) still has its text.");
            return 0;
        }

        await output.WriteLineAsync(dryRun
            ? $"Would erase the summary, notes, next steps, decline reasons and e-mails of {report.Situations.Count} situation(s) concluded on or before {cutoff} ({report.RetentionMonths} months ago):"
            : $"Erased the summary, notes, next steps, decline reasons and e-mails of {report.Erased} situation(s) concluded on or before {cutoff} ({report.RetentionMonths} months ago):");
        foreach (var situation in report.Situations)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {situation.Id} (table {situation.TableId}, concluded {situation.ConcludedAt:yyyy-MM-dd})"));
        }

        if (dryRun) await output.WriteLineAsync("Nothing was changed (--dry-run). The figures and the RTD export are the same before and after.");
        return 0;
    }
}
