using System.Text.Json;

namespace FocusBot.Core.Roster;

/// <summary>Reads a roster file (JSON) and validates it as a whole.</summary>
public static class RosterFile
{
    /// <summary>A province-wide roster is well under 1 MB; anything past this is a mistake, not a roster.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<RosterValidation> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        RosterDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<RosterDocument>(stream, JsonOptions, cancellationToken);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";
            // A value of the wrong kind ("tables": "rexdale") is named by its path; the serializer's own sentence would
            // name .NET types ("System.Collections.Generic.List`1[...]"), which tell an administrator nothing.
            var why = e.Path is { Length: > 0 } path && e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
                ? $"{path} does not hold what a roster holds there (see samples/roster.json)."
                : FirstSentence(e.Message);
            return new(null, [$"The roster is not valid JSON{where}: {why}"]);
        }
        return RosterValidator.Validate(document);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
