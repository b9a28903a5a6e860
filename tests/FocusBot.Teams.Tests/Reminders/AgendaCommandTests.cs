using FocusBot.Teams.Tests.Bot;

namespace FocusBot.Teams.Tests.Reminders;

public sealed class AgendaCommandTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("agenda")]
    [InlineData("Next meeting?")]
    public async Task A_rep_asking_for_the_agenda_gets_the_next_meeting_on_the_tables_clock(string text)
    {
        _bot.TeamsKnows("user-1", "rep.demo@northside-mh.example");

        var card = CardText.Of(Assert.Single(await _bot.SendAsync(BotHarness.Message(text, "user-1"))));

        // The harness clock is Tuesday 24 November 2026, 10:00 in Toronto: the meeting starting now is the next one.
        Assert.Contains("Agenda: Demo Table", card);
        Assert.Contains("Tuesday 24 November 2026, 10:00\u00A0a.m. (Toronto time)", card);
        Assert.Contains("New situations (0)", card);
        Assert.Contains("48-hour update overdue (0)", card);
        Assert.DoesNotContain("not available yet", card);
    }
}
