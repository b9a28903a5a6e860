using System.Text.RegularExpressions;

namespace FocusBot.Core.Roster;

/// <summary>Reads and writes the roster's short durations: "24h", "90m", "1h30m".</summary>
public static partial class Durations
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        var match = Pattern().Match(text?.Trim().ToLowerInvariant() ?? "");
        if (!match.Success || (!match.Groups["h"].Success && !match.Groups["m"].Success)) return false;
        var hours = match.Groups["h"].Success ? int.Parse(match.Groups["h"].Value) : 0;
        var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value) : 0;
        duration = TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes);
        return true;
    }

    public static string Format(TimeSpan duration)
    {
        var hours = (int)duration.TotalHours;
        var minutes = duration.Minutes;
        return (hours, minutes) switch
        {
            (0, _) => $"{minutes}m",
            (_, 0) => $"{hours}h",
            _ => $"{hours}h{minutes}m",
        };
    }

    [GeneratedRegex(@"^(?:(?<h>\d{1,3})h)?(?:(?<m>\d{1,5})m)?$")]
    private static partial Regex Pattern();
}
