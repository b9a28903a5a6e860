using FocusBot.Core.Roster;
using FocusBot.Data.Roster;
using FocusBot.Teams.Identity;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace FocusBot.Teams.Tests.Bot;

public sealed class MemberResolverTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<(string? Email, int Lookups)> ResolveAsync(Microsoft.Bot.Schema.Activity activity, MemoryCache? cache = null)
    {
        await using var db = _bot.Database();
        var resolver = new MemberResolver(new MemberLookup(new EfRosterStore(db), null), _bot.Directory.Object, cache ?? new MemoryCache(new MemoryCacheOptions()),
            NullLogger<MemberResolver>.Instance);
        var member = await resolver.ResolveAsync(new TurnContext(new TestAdapter(), activity), default);
        return (member?.Email, _bot.Directory.Invocations.Count);
    }

    [Fact]
    public async Task A_member_is_found_by_the_email_Teams_reports_and_their_object_id_remembered()
    {
        const string objectId = "3d9b6a4e-9d55-4d43-8f7e-0c5f1f1f0a01";
        _bot.TeamsKnows("user-1", "Rep.Demo@Northside-MH.example");

        var (email, _) = await ResolveAsync(BotHarness.Message("help", aadObjectId: objectId));

        Assert.Equal("rep.demo@northside-mh.example", email);
        await using var db = _bot.Database();
        Assert.Equal(objectId, (await new EfRosterStore(db).FindMemberByEmailAsync("rep.demo@northside-mh.example", default))!.AadObjectId);
    }

    [Fact]
    public async Task A_member_known_by_object_id_is_found_without_asking_Teams()
    {
        const string objectId = "3d9b6a4e-9d55-4d43-8f7e-0c5f1f1f0a02";
        await using (var db = _bot.Database())
            await new EfRosterStore(db).RecordAadObjectIdAsync("chair.demo@city.example", objectId, default);

        var (email, lookups) = await ResolveAsync(BotHarness.Message("help", "user-9", objectId));

        Assert.Equal("chair.demo@city.example", email);
        Assert.Equal(0, lookups);
    }

    [Fact]
    public async Task An_unknown_user_is_nobody()
    {
        _bot.TeamsKnows("user-1", "visitor@elsewhere.example");

        Assert.Null((await ResolveAsync(BotHarness.Message("help"))).Email);
    }

    [Fact]
    public async Task Teams_is_asked_once_per_user_while_the_answer_is_cached()
    {
        _bot.TeamsKnows("user-1", "rep.demo@northside-mh.example");
        using var cache = new MemoryCache(new MemoryCacheOptions());

        await ResolveAsync(BotHarness.Message("help"), cache);
        var (email, lookups) = await ResolveAsync(BotHarness.Message("open"), cache);

        Assert.Equal("rep.demo@northside-mh.example", email);
        Assert.Equal(1, lookups);
    }

    [Fact]
    public async Task A_failing_Teams_lookup_means_unknown_for_this_turn_and_is_asked_again_next_turn()
    {
        _bot.Directory.SetupSequence(d => d.FindEmailAsync(It.IsAny<ITurnContext>(), "user-1", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connector down"))
            .ReturnsAsync("rep.demo@northside-mh.example");
        using var cache = new MemoryCache(new MemoryCacheOptions());

        Assert.Null((await ResolveAsync(BotHarness.Message("help"), cache)).Email);
        Assert.Equal("rep.demo@northside-mh.example", (await ResolveAsync(BotHarness.Message("help"), cache)).Email);
    }
}
