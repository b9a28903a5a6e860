using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Data.Roster;
using FocusBot.Data.Situations;
using FocusBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.Data.Tests.Situations;

public sealed class SqliteLanguagesMigrationTests() : LanguagesMigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresLanguagesMigrationTests() : LanguagesMigrationTests(DatabaseProvider.Postgres);

/// <summary>
/// The Languages migration turns the English details events were stored with before it ("accepted as lead", "named
/// lead in place of northside-mh", "outcome …", "48-hour update (contacted), late") into structured fields, so the
/// history is drawn in each reader's language.
/// </summary>
public abstract class LanguagesMigrationTests(DatabaseProvider provider)
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 16, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task Stored_English_details_become_structured_fields()
    {
        var (database, roster) = await TestDatabase.CreateWithSampleRosterAsync(provider);
        await using var _ = database;
        Member Member(string email) => roster.Members.Single(m => m.Email == email);
        var outcome = new SituationCatalogue().Outcomes[0].Id;

        await using (var db = database.CreateContext())
        {
            var workflow = new SituationWorkflow(new EfSituationStore(db), new EfRosterStore(db), new Core.Deliveries.NoDispatchSignal(),
                new SituationCatalogue(), _time);
            var chair = Member("chair.demo@city.example");
            var id = (await workflow.RecordAsync(new NewSituationRequest
            {
                Table = "demo", Type = "person", AgeGroup = "18-24", Gender = "female", RiskFactors = ["housing"],
                OriginatingAgency = "tps-99", LeadAgency = "northside-mh", AssistingAgencies = ["harbour-housing"],
            }, chair, default)).Situation!.Id;
            await workflow.DeclineAsync(id, "harbour-housing", "Outside our catchment area", Member("rep.demo@harbour-housing.example"), default);
            await workflow.AcceptAsync(id, "northside-mh", Member("rep.demo@northside-mh.example"), default);
            _time.Advance(TimeSpan.FromDays(3));
            await workflow.PostUpdateAsync(id, Member("rep.demo@northside-mh.example"), "contacted", "Door knock done.", null, [], default);
            await workflow.ChangeLeadAsync(id, "city", chair, default);
            await workflow.ConcludeAsync(id, outcome, chair, default);
            await workflow.ReopenAsync(id, chair, default);

            await db.GetService<IMigrator>().MigrateAsync("PrivacyAndOutbox");
            await db.Database.ExecuteSqlAsync($"""
                UPDATE situation_events SET "Detail" = CASE "Kind"
                    WHEN 'Recorded' THEN 'lead northside-mh; assisting harbour-housing'
                    WHEN 'Accepted' THEN 'accepted as lead'
                    WHEN 'Declined' THEN 'declined as assisting'
                    WHEN 'UpdatePosted' THEN '48-hour update (contacted), late'
                    WHEN 'LeadChanged' THEN 'named lead in place of northside-mh'
                    WHEN 'Concluded' THEN {"outcome " + outcome}
                    WHEN 'Reopened' THEN 're-opened as active'
                    ELSE "Detail" END,
                    "AgencyId" = CASE "Kind" WHEN 'Recorded' THEN NULL ELSE "AgencyId" END
                """);
            await db.GetService<IMigrator>().MigrateAsync();
        }

        await using (var db = database.CreateContext())
        {
            var events = (await new EfSituationStore(db).FindAsync("DM-2026-0001", default))!.Events.ToDictionary(e => e.Kind);
            Assert.Equal(AssignmentRole.Lead, events[SituationEventKind.Accepted].Role);
            Assert.Equal(AssignmentRole.Assisting, events[SituationEventKind.Declined].Role);
            Assert.Equal(("northside-mh", (AssignmentRole?)AssignmentRole.Lead), (events[SituationEventKind.LeadChanged].FormerAgencyId, events[SituationEventKind.LeadChanged].Role));
            Assert.Equal(("contacted", (bool?)false), (events[SituationEventKind.UpdatePosted].UpdateKindId, events[SituationEventKind.UpdatePosted].WasOnTime));
            Assert.Equal(outcome, events[SituationEventKind.Concluded].OutcomeId);
            Assert.Equal(SituationStatus.Active, events[SituationEventKind.Reopened].Status);
            Assert.Equal(("northside-mh", (SituationStatus?)SituationStatus.Open), (events[SituationEventKind.Recorded].AgencyId, events[SituationEventKind.Recorded].Status));
        }
    }
}
