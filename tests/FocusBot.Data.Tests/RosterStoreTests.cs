using FocusBot.Core.Conversations;
using FocusBot.Core.Roster;
using FocusBot.Data;
using FocusBot.Data.Conversations;
using FocusBot.Data.Roster;
using FocusBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FocusBot.Data.Tests;

public sealed class SqliteStoreTests() : StoreTests(DatabaseProvider.Sqlite);

public sealed class PostgresStoreTests() : StoreTests(DatabaseProvider.Postgres);

/// <summary>The same store tests against each database FocusBot supports.</summary>
public abstract class StoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private EfRosterStore Roster(FocusBotDbContext db) => new(db);

    [Fact]
    public async Task Importing_the_same_roster_twice_changes_nothing_the_second_time()
    {
        var roster = await SampleRoster.LoadAsync();

        await using (var db = _database.CreateContext())
            Assert.True(await Roster(db).ReplaceAsync(roster, default));
        await using (var db = _database.CreateContext())
            Assert.False(await Roster(db).ReplaceAsync(await SampleRoster.LoadAsync(), default));

        await using (var db = _database.CreateContext())
        {
            var stored = await Roster(db).GetAsync(default);
            Assert.Equal(roster.Tables.Count, stored.Tables.Count);
            Assert.Equal(roster.Members.Select(m => m.Email).Order(), stored.Members.Select(m => m.Email));
            var demo = stored.Tables.Single(t => t.Id == "demo");
            Assert.Equal([TimeSpan.FromHours(24), TimeSpan.FromHours(1)], demo.Meeting.RemindBefore);
            Assert.Equal(["98", "99"], demo.Divisions);
        }
    }

    [Fact]
    public async Task A_members_agency_and_tables_come_in_one_read_in_the_members_order_and_follow_the_roster()
    {
        var roster = await SampleRoster.LoadAsync();
        await using (var db = _database.CreateContext())
            await Roster(db).ReplaceAsync(roster, default);
        var admin = new Member { Email = "admin@city.example", AgencyId = "CITY", Role = MemberRole.Admin, TableIds = ["lakeside", "Demo", "gone"] };

        await using (var db = _database.CreateContext())
        {
            var (agency, tables) = await ((IRosterStore)Roster(db)).AgencyAndTablesOfAsync(admin, default);
            Assert.Equal("city", agency!.Id);
            Assert.Equal(["lakeside", "demo"], tables.Select(t => t.Id));
            Assert.Equal([TimeSpan.FromHours(24), TimeSpan.FromHours(1)], tables[1].Meeting.RemindBefore);
        }

        // The next roster drops the lakeside table and the city agency: the next turn sees it (nothing is cached).
        var next = new Core.Roster.Roster(roster.Tables.Where(t => t.Id == "demo").ToList(), roster.Agencies.Where(a => a.Id != "city").ToList(),
            roster.Members.Where(m => m.AgencyId != "city" && m.TableIds.SequenceEqual(["demo"])).ToList());
        await using (var db = _database.CreateContext())
            await Roster(db).ReplaceAsync(next, default);
        await using (var db = _database.CreateContext())
        {
            var (agency, tables) = await ((IRosterStore)Roster(db)).AgencyAndTablesOfAsync(admin, default);
            Assert.Null(agency);
            Assert.Equal(["demo"], tables.Select(t => t.Id));
        }
    }

    [Fact]
    public async Task Replacing_the_roster_adds_changes_and_removes()
    {
        var roster = await SampleRoster.LoadAsync();
        await using (var db = _database.CreateContext())
            await Roster(db).ReplaceAsync(roster, default);

        var next = new Core.Roster.Roster(
            roster.Tables.Where(t => t.Id == "demo").ToList(),
            roster.Agencies,
            [
                .. roster.Members.Where(m => m.TableIds.SequenceEqual(["demo"]) && m.Email != "rep2.demo@northside-mh.example"),
                new Member { Email = "new.rep@youthlink.example", AgencyId = "youthlink", Role = MemberRole.Rep, TableIds = ["demo"] },
            ]);
        next.Tables[0].Meeting.Start = new TimeOnly(9, 30);

        await using (var db = _database.CreateContext())
            Assert.True(await Roster(db).ReplaceAsync(next, default));

        await using (var db = _database.CreateContext())
        {
            var store = Roster(db);
            Assert.Null(await store.FindTableAsync("lakeside", default));
            Assert.Equal(new TimeOnly(9, 30), (await store.FindTableAsync("demo", default))!.Meeting.Start);
            Assert.Null(await store.FindMemberByEmailAsync("rep2.demo@northside-mh.example", default));
            Assert.NotNull(await store.FindMemberByEmailAsync("NEW.rep@youthlink.example", default));
            var demoMembers = await store.MembersOfTableAsync("demo", default);
            Assert.Contains(demoMembers, m => m.Email == "new.rep@youthlink.example");
            Assert.DoesNotContain(demoMembers, m => m.Email == "admin@city.example");
        }
    }

    [Fact]
    public async Task A_member_is_found_by_object_id_once_Teams_has_told_us_it()
    {
        await using (var db = _database.CreateContext())
            await Roster(db).ReplaceAsync(await SampleRoster.LoadAsync(), default);
        var objectId = "0b7c1f5e-4b1e-4f7a-9a53-1e6a6f0c2b11";

        await using (var db = _database.CreateContext())
        {
            Assert.Null(await Roster(db).FindMemberByAadObjectIdAsync(objectId, default));
            await Roster(db).RecordAadObjectIdAsync("rep.demo@northside-mh.example", objectId, default);
        }

        await using (var db = _database.CreateContext())
        {
            var member = await Roster(db).FindMemberByAadObjectIdAsync(objectId.ToUpperInvariant(), default);
            Assert.Equal("rep.demo@northside-mh.example", member?.Email);
            // A second member cannot take the same object id.
            await Roster(db).RecordAadObjectIdAsync("rep2.demo@northside-mh.example", objectId, default);
            Assert.Null((await Roster(db).FindMemberByEmailAsync("rep2.demo@northside-mh.example", default))!.AadObjectId);
        }

        // Re-importing a roster that does not name the object id keeps the one Teams told us.
        await using (var db = _database.CreateContext())
            await Roster(db).ReplaceAsync(await SampleRoster.LoadAsync(), default);
        await using (var db = _database.CreateContext())
            Assert.NotNull(await Roster(db).FindMemberByAadObjectIdAsync(objectId, default));
    }

    [Fact]
    public async Task Garbage_object_ids_find_nobody() =>
        await WithStore(async store => Assert.Null(await store.FindMemberByAadObjectIdAsync("'; DROP TABLE members; --", default)));

    [Fact]
    public async Task Conversation_references_are_kept_fresh_and_tables_linked_to_channels()
    {
        var personal = ConversationAddress.Personal("Rep.Demo@northside-mh.example");
        var channel = ConversationAddress.Channel("19:abc@thread.tacv2");

        await using (var db = _database.CreateContext())
        {
            var store = new EfConversationStore(db, _time);
            await store.SaveAsync(personal, """{"v":1}""", default);
            await store.SaveAsync(channel, """{"c":1}""", default);
            await store.LinkTableChannelAsync("demo", channel, default);
        }

        _time.Advance(TimeSpan.FromHours(1));
        await using (var db = _database.CreateContext())
        {
            var store = new EfConversationStore(db, _time);
            await store.SaveAsync(personal, """{"v":2}""", default);
            await store.LinkTableChannelAsync("demo", ConversationAddress.Channel("19:other@thread.tacv2"), default);
        }

        await using (var db = _database.CreateContext())
        {
            var store = new EfConversationStore(db, _time);
            Assert.Equal("""{"v":2}""", await store.FindAsync(ConversationAddress.Personal("rep.demo@northside-mh.example"), default));
            Assert.Equal("""{"c":1}""", await store.FindAsync(channel, default));
            Assert.Equal(ConversationAddress.Channel("19:other@thread.tacv2"), await store.FindTableChannelAsync("demo", default));
            Assert.Null(await store.FindTableChannelAsync("lakeside", default));
            Assert.Equal(_time.GetUtcNow(), db.Conversations.Single(c => c.Key == personal.Key).UpdatedAt);
        }
    }

    [Fact]
    public async Task Several_turns_saving_the_same_new_conversation_at_once_all_succeed()
    {
        var address = ConversationAddress.Personal("rep.demo@northside-mh.example");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await using var db = _database.CreateContext();
            await new EfConversationStore(db, _time).SaveAsync(address, $$"""{"turn":{{i}}}""", default);
        }));

        await using var check = _database.CreateContext();
        Assert.Single(check.Conversations);
    }

    private async Task WithStore(Func<EfRosterStore, Task> test)
    {
        await using var db = _database.CreateContext();
        await test(Roster(db));
    }
}
