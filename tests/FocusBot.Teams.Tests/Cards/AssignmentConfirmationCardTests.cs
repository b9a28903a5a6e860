using FocusBot.Teams.Cards.Situations;
using static FocusBot.Teams.Tests.Cards.CardReading;
using static FocusBot.Teams.Tests.Cards.DemoTable;

namespace FocusBot.Teams.Tests.Cards;

public sealed class AssignmentConfirmationCardTests
{
    [Fact]
    public void Lead_is_told_when_the_48_hour_update_is_due_in_Toronto_time()
    {
        var s = LeadAccepted(RecordedAt.AddHours(3));

        var card = Json(Confirmation(s, LeadRep, "northside-mh", asLead: true));

        var texts = Texts(card);
        Assert.Contains("You accepted DM-2026-0001 as lead for Northside Mental Health. The 48-hour update is due Thursday 26 November 2026, 10:15\u00A0a.m. (Toronto time).", texts);
        Assert.Single(texts, t => t.Contains("Thursday 26 November 2026, 10:15")); // said once: not again among the facts
        var update = Button(card, "Post update");
        Assert.Equal("situation.updateForm", (string?)update["verb"]);
        Assert.Equal("DM-2026-0001", (string?)update["data"]!["situationId"]);
    }

    [Fact]
    public void Due_time_follows_the_clock_change_at_the_end_of_daylight_saving()
    {
        // Discussed at 10:00 EDT on Friday; 48 hours later the clocks have gone back, so it is 9:00 EST on Sunday.
        var s = RecordedThenAccepted(new DateTimeOffset(2026, 10, 30, 14, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 14, 0, 0, TimeSpan.Zero), s.UpdateDueAt);

        var card = Json(Confirmation(s, LeadRep, "northside-mh", asLead: true));

        Assert.Contains(Texts(card), t => t.EndsWith("The 48-hour update is due Sunday 1 November 2026, 9:00\u00A0a.m. (Toronto time).", StringComparison.Ordinal));
    }

    [Fact]
    public void Afternoon_due_times_read_p_m()
    {
        var s = RecordedThenAccepted(new DateTimeOffset(2026, 6, 2, 19, 5, 0, TimeSpan.Zero));

        var card = Json(Confirmation(s, LeadRep, "northside-mh", asLead: true));

        Assert.Contains(Texts(card), t => t.EndsWith("The 48-hour update is due Thursday 4 June 2026, 3:05\u00A0p.m. (Toronto time).", StringComparison.Ordinal));
    }

    [Fact]
    public void Assisting_agency_has_no_due_line()
    {
        var s = LeadAccepted();
        Succeeds(s.Accept("harbour-housing", AssistingRep, RecordedAt.AddHours(2)));

        var card = Json(Confirmation(s, AssistingRep, "harbour-housing", asLead: false));

        var texts = Texts(card);
        Assert.Contains("You accepted DM-2026-0001 as assisting agency for Harbour Housing Services.", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("You accepted", StringComparison.Ordinal) && t.Contains("48-hour", StringComparison.Ordinal));
        Assert.Equal(["Post update"], ButtonTitles(card));
    }

    [Fact]
    public void Confirmation_keeps_the_situation_details_and_is_not_a_dead_end()
    {
        var s = LeadAccepted(RecordedAt.AddHours(3));

        var card = Json(Confirmation(s, LeadRep, "northside-mh", asLead: true));

        var texts = Texts(card);
        Assert.Contains("Situation DM-2026-0001 · Demo Table", texts);
        Assert.Contains(Summary, texts);
        Assert.Contains("Risk factors", Facts(card).Select(f => f.Title));
        Assert.DoesNotContain("View situation", ButtonTitles(card));
    }

    [Fact]
    public void Zone_is_named_by_its_city()
    {
        var buenosAires = new FocusBot.Core.Roster.Table
        {
            Id = "x", Name = "X", Code = "XX", TimeZoneId = "America/Argentina/Buenos_Aires",
            Meeting = Demo.Meeting,
        };

        Assert.Equal("Toronto time", TableTime.ZoneName(Demo));
        Assert.Equal("Buenos Aires time", TableTime.ZoneName(buenosAires));
    }

    private static FocusBot.Teams.Cards.AdaptiveCard Confirmation(Core.Situations.Situation s, Core.Roster.Member rep, string agencyId, bool asLead) =>
        AssignmentConfirmationCard.Build(s, Demo, AgenciesById, Catalogue, SituationCardViewer.InPersonalChat(rep, s), Agency(agencyId), asLead,
            RecordedAt.AddHours(4));

    /// <summary>The 48-hour clock runs from the table's discussion: recorded at <paramref name="at"/>, accepted an hour later.</summary>
    private static Core.Situations.Situation RecordedThenAccepted(DateTimeOffset at)
    {
        var s = Recorded(at);
        Succeeds(s.Accept("northside-mh", LeadRep, at.AddHours(1)));
        return s;
    }
}
