using FocusBot.Core.Roster;

namespace FocusBot.Roster;

public sealed record RosterImportResult(bool Changed, int Tables, int Agencies, int Members);

public sealed record RosterImportOutcome(RosterImportResult? Result, IReadOnlyList<string> Problems);

/// <summary>Reads, validates and stores a roster: all of it or none of it. Importing the same roster twice changes nothing.</summary>
public sealed class RosterImporter(IRosterStore store, ILogger<RosterImporter> logger)
{
    public async Task<RosterImportOutcome> ImportAsync(Stream json, CancellationToken cancellationToken)
    {
        var validation = await RosterFile.ReadAsync(json, cancellationToken);
        if (validation.Roster is not { } roster)
        {
            logger.LogWarning("A roster was refused with {Count} problems.", validation.Problems.Count);
            return new(null, validation.Problems);
        }

        var changed = await store.ReplaceAsync(roster, cancellationToken);
        logger.LogInformation("Roster imported: {Tables} tables, {Agencies} agencies, {Members} members ({Changed}).",
            roster.Tables.Count, roster.Agencies.Count, roster.Members.Count, changed ? "changed" : "unchanged");
        return new(new(changed, roster.Tables.Count, roster.Agencies.Count, roster.Members.Count), []);
    }

    /// <summary>The <c>import-roster PATH</c> command: prints what happened and returns the process exit code.</summary>
    public async Task<int> ImportFileAsync(string? path, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            await error.WriteLineAsync("Usage: dotnet run --project src/FocusBot -- import-roster PATH");
            return 2;
        }
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            await error.WriteLineAsync($"No roster file at {file.FullName}.");
            return 1;
        }
        if (file.Length > RosterFile.MaxBytes)
        {
            await error.WriteLineAsync($"{file.Name} is {file.Length / 1024} KB; a roster may be at most {RosterFile.MaxBytes / 1024} KB. Nothing was imported.");
            return 1;
        }

        await using var stream = file.OpenRead();
        var outcome = await ImportAsync(stream, cancellationToken);
        if (outcome.Result is not { } result)
        {
            await error.WriteLineAsync($"The roster in {file.Name} was not imported; fix these {outcome.Problems.Count} problem(s):");
            foreach (var problem in outcome.Problems) await error.WriteLineAsync($"  - {problem}");
            return 1;
        }

        await output.WriteLineAsync(
            $"Roster {(result.Changed ? "imported" : "unchanged (already up to date)")}: " +
            $"{result.Tables} tables, {result.Agencies} agencies, {result.Members} members.");
        return 0;
    }
}
