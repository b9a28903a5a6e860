using FocusBot.Core.Idempotency;
using FocusBot.Data.Idempotency;
using FocusBot.Testing;

namespace FocusBot.Data.Tests.Idempotency;

public sealed class SqliteIdempotencyKeyStoreTests() : IdempotencyKeyStoreTests(DatabaseProvider.Sqlite);

public sealed class PostgresIdempotencyKeyStoreTests() : IdempotencyKeyStoreTests(DatabaseProvider.Postgres);

/// <summary>The idempotency keys' store on a real database: one claim per key, a dead request's claim lapses, old keys are forgotten.</summary>
public abstract class IdempotencyKeyStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 16, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);
    private static readonly RememberedAnswer Created = new(201, "application/json; charset=utf-8", "/api/v1/situations/DM-2026-0001", "{\"id\":\"DM-2026-0001\"}"u8.ToArray());
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<T> With<T>(Func<EfIdempotencyKeyStore, Task<T>> use)
    {
        await using var db = _database.CreateContext();
        return await use(new EfIdempotencyKeyStore(db));
    }

    private Task<string?> ClaimAsync(string id, DateTimeOffset at, string hash = "hash-a") =>
        With(s => s.TryClaimAsync(id, hash, at, at - Abandoned, at - KeptFor, default));

    [Fact]
    public async Task Many_claims_of_one_key_at_once_give_it_to_one()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ClaimAsync("key-1", Now)));

        Assert.Single(claims, c => c is not null);
    }

    [Fact]
    public async Task The_answer_is_kept_byte_for_byte_under_the_key()
    {
        var claim = await ClaimAsync("key-1", Now);

        Assert.Null((await With(s => s.FindAsync("key-1", default)))!.Answer);
        Assert.True(await With(s => s.AnswerAsync("key-1", claim!, Created, Now, default)));
        var kept = (await With(s => s.FindAsync("key-1", default)))!;
        Assert.Equal(("hash-a", 201, Created.ContentType, Created.Location), (kept.RequestHash, kept.Answer!.Status, kept.Answer.ContentType, kept.Answer.Location));
        Assert.Equal(Created.Body, kept.Answer.Body);
        Assert.Null(await ClaimAsync("key-1", Now + Abandoned + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_claim_never_answered_lapses_and_its_late_answer_is_not_kept()
    {
        var dead = await ClaimAsync("key-1", Now);

        Assert.Null(await ClaimAsync("key-1", Now + Abandoned - TimeSpan.FromSeconds(1)));
        var retry = await ClaimAsync("key-1", Now + Abandoned + TimeSpan.FromSeconds(1));
        Assert.NotNull(retry);
        Assert.False(await With(s => s.AnswerAsync("key-1", dead!, Created, Now, default)));
        Assert.True(await With(s => s.AnswerAsync("key-1", retry!, Created, Now, default)));
    }

    [Fact]
    public async Task A_released_claim_frees_the_key_at_once()
    {
        var claim = await ClaimAsync("key-1", Now);
        await With(async s => { await s.ReleaseAsync("key-1", claim!, default); return 0; });

        Assert.Null(await With(s => s.FindAsync("key-1", default)));
        Assert.NotNull(await ClaimAsync("key-1", Now));
    }

    [Fact]
    public async Task Keys_older_than_the_window_are_forgotten_and_recent_ones_kept()
    {
        var old = await ClaimAsync("old", Now);
        await With(s => s.AnswerAsync("old", old!, Created, Now, default));
        var recent = await ClaimAsync("recent", Now + TimeSpan.FromHours(20));
        await With(s => s.AnswerAsync("recent", recent!, Created, Now + TimeSpan.FromHours(20), default));

        var forgotten = await With(s => s.ForgetBeforeAsync(Now + KeptFor + TimeSpan.FromMinutes(1) - KeptFor, default));

        Assert.Equal(1, forgotten);
        Assert.Null(await With(s => s.FindAsync("old", default)));
        Assert.NotNull((await With(s => s.FindAsync("recent", default)))!.Answer);
    }
}
