namespace FocusBot.Core.Roster;

/// <summary>A community agency, police division or city service that sits at one or more tables.</summary>
public sealed class Agency
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public required string Sector { get; set; }
    public List<string> EmailDomains { get; set; } = [];
}
