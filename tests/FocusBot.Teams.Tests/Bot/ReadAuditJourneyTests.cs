using FocusBot.Core.Audit;
using FocusBot.Data.Privacy;
using Newtonsoft.Json.Linq;
using static FocusBot.Teams.Tests.Bot.DemoTableJourney;

namespace FocusBot.Teams.Tests.Bot;

/// <summary>
/// Every time Teams shows someone a situation's summary or notes an audit row says who, when, which and through what;
/// a filter-2 view (the channel, the rest of the table) is not a read of notes and leaves no row.
/// </summary>
public sealed class ReadAuditJourneyTests : IAsyncLifetime
{
    private DemoTableJourney _table = null!;
    private string _id = null!;

    public async Task InitializeAsync()
    {
        _table = await DemoTableJourney.StartAsync();
        _id = await _table.ActiveAsync();
        await _table.PostUpdateAsync(LeadRep, _id, "Door knock done with outreach; he agreed to see the team.");
    }

    public async Task DisposeAsync() => await _table.Bot.DisposeAsync();

    private async Task<IReadOnlyList<AuditEntry>> RowsAsync(string? email = null)
    {
        await using var db = _table.Bot.Database();
        return await new EfAuditLog(db).ListAsync(new AuditQuery(SituationId: _id, MemberEmail: email), default);
    }

    public static TheoryData<string, string, bool> Readers => new()
    {
        { LeadRep, "rep.demo@northside-mh.example", true },
        { AssistingRep, "rep.demo@harbour-housing.example", true },
        { CoChair, "chair.demo@city.example", true },
        { UninvolvedRep, "rep.demo@youthlink.example", false },
        { OtherTableRep, "rep.lakeside@youthlink.example", false },
        { Stranger, "who@elsewhere.example", false },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Typing_situation_id_in_a_personal_chat_is_audited_only_when_the_notes_are_shown(string userId, string email, bool readsNotes)
    {
        var before = _table.Bot.Time.GetUtcNow();

        await _table.SayAsync(userId, $"situation {_id}");

        var rows = await RowsAsync(email);
        if (!readsNotes)
        {
            Assert.Empty(rows);
            return;
        }

        var row = Assert.Single(rows);
        Assert.Equal((AuditAction.Read, AuditChannel.TeamsCard, _id, before), (row.Action, row.Through, row.SituationId, row.At));
        Assert.Equal(userId == CoChair ? "cochair" : "rep", row.Role);
    }

    [Theory]
    [InlineData(LeadRep)]
    [InlineData(CoChair)]
    [InlineData(UninvolvedRep)]
    public async Task The_channels_filter_2_view_is_never_audited(string userId)
    {
        await _table.SayAsync(userId, $"situation {_id}", "channel");
        await _table.Bot.ClickAsync(userId, "situation.refresh", new JObject { ["situationId"] = _id }, "channel");

        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task Clicking_view_and_refreshing_a_personal_card_are_audited_with_what_showed_them()
    {
        await _table.Bot.ClickAsync(LeadRep, "situation.view", new JObject { ["situationId"] = _id });
        await _table.Bot.ClickAsync(LeadRep, "situation.refresh", new JObject { ["situationId"] = _id });
        await _table.Bot.ClickAsync(UninvolvedRep, "situation.refresh", new JObject { ["situationId"] = _id });

        Assert.Equal([AuditChannel.TeamsCardRefresh, AuditChannel.TeamsCard], (await RowsAsync()).Select(r => r.Through));
    }

    [Fact]
    public async Task The_history_shows_the_co_chairs_who_read_it_and_not_the_reps()
    {
        await _table.SayAsync(LeadRep, $"situation {_id}");
        await _table.SayAsync(Officer, $"situation {_id}");
        _table.Bot.Time.Advance(TimeSpan.FromMinutes(5));

        var text = CardText.Of(await _table.SayAsync(CoChair, $"situation {_id}"));

        Assert.Contains("Read by co-chairs", text);
        Assert.Contains("Co-chair, Police Division 99", text);
        Assert.Contains("Co-chair, City Community Safety", text);
        // By role and agency, not by address: the agencies on the situation read this card too (GET /api/v1/audit names them).
        Assert.DoesNotContain("@", text);
    }

    [Fact]
    public async Task A_read_through_the_REST_API_shows_as_such_not_as_its_caller_s_address()
    {
        await using (var db = _table.Bot.Database())
        {
            var situation = (await new FocusBot.Data.Situations.EfSituationStore(db).FindAsync(_id, default))!;
            var developmentCaller = new FocusBot.Core.Roster.Member { Email = "local-api@focusbot.invalid", AgencyId = "", Role = FocusBot.Core.Roster.MemberRole.Admin, TableIds = ["demo"] };
            await new SituationReads(new EfAuditLog(db), _table.Bot.Time).RecordAsync(situation, developmentCaller, AuditChannel.Api, default);
        }

        var text = CardText.Of(await _table.SayAsync(CoChair, $"situation {_id}"));

        Assert.Contains("An administrator, through the REST API", text);
        Assert.DoesNotContain("local-api", text);
    }
}
