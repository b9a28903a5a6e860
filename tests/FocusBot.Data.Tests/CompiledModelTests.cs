using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FocusBot.Data.Tests;

public sealed class SqliteCompiledModelTests() : CompiledModelTests(() =>
{
    var options = new DbContextOptionsBuilder<SqliteFocusBotDbContext>();
    options.UseSqliteDatabase("Data Source=:memory:");
    return new SqliteFocusBotDbContext(options.Options);
});

public sealed class PostgresCompiledModelTests() : CompiledModelTests(() =>
{
    var options = new DbContextOptionsBuilder<PostgresFocusBotDbContext>();
    options.UsePostgres("Host=127.0.0.1;Database=unused");
    return new PostgresFocusBotDbContext(options.Options);
});

/// <summary>
/// The contexts run on the model compiled by <c>dotnet ef dbcontext optimize</c> (CompiledModels/), which does not follow
/// a change to the entity configurations by itself. These compare it with the model EF builds from
/// <c>OnModelCreating</c> (its design-time model), and the migrations with that model, without a database: when one
/// fails, regenerate as the README's "Database model" section says. No connection is opened.
/// </summary>
public abstract class CompiledModelTests(Func<FocusBotDbContext> createContext)
{
    [Fact]
    public void The_context_runs_on_the_compiled_model_not_on_one_built_at_start()
    {
        using var db = createContext();

        Assert.IsAssignableFrom<RuntimeModel>(db.Model);
        Assert.StartsWith("FocusBot.Data.CompiledModels.", db.Model.GetType().FullName);
        Assert.NotSame(db.Model, DesignTimeModel(db));
    }

    [Fact]
    public void The_compiled_model_has_the_entity_types_properties_keys_indexes_and_relationships_of_the_configurations()
    {
        using var db = createContext();

        var configured = Describe(DesignTimeModel(db));
        var compiled = Describe(db.Model);

        var onlyConfigured = configured.Except(compiled).ToArray();
        var onlyCompiled = compiled.Except(configured).ToArray();
        Assert.True(onlyConfigured.Length == 0 && onlyCompiled.Length == 0,
            "The compiled model is stale: regenerate it (README, \"Database model\").\n" +
            $"In the configurations only:\n{string.Join("\n", onlyConfigured)}\nIn the compiled model only:\n{string.Join("\n", onlyCompiled)}");
        Assert.Equal(configured.Length, compiled.Length);
    }

    [Fact]
    public void The_migrations_cover_every_change_to_the_configurations()
    {
        using var db = createContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a migration: add one (README, \"Database model\").");
    }

    private static IModel DesignTimeModel(DbContext db) => db.GetService<IDesignTimeModel>().Model;

    /// <summary>One line per entity type, property, key, index, foreign key and navigation, in a stable order.</summary>
    private static string[] Describe(IModel model) => model.GetEntityTypes()
        .OrderBy(entity => entity.Name, StringComparer.Ordinal)
        .SelectMany(DescribeEntity)
        .ToArray();

    private static IEnumerable<string> DescribeEntity(IEntityType entity)
    {
        var name = entity.Name;
        yield return $"{name}: table {entity.GetSchema()}.{entity.GetTableName()}, owned {entity.IsOwned()}, base {entity.BaseType?.Name}";
        foreach (var property in entity.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var mapping = property.GetRelationalTypeMapping();
            yield return $"{name}.{property.Name}: {property.ClrType.Name} column {property.GetColumnName()} {property.GetColumnType()}" +
                $" nullable {property.IsNullable} max {property.GetMaxLength()} generated {property.ValueGenerated}" +
                $" concurrency {property.IsConcurrencyToken} converter {(property.GetValueConverter() ?? mapping.Converter)?.GetType().Name}" +
                $" default {property.GetDefaultValueSql()}{property.GetDefaultValue()}";
        }
        foreach (var key in entity.GetKeys().Select(k => $"{name} key {(k.IsPrimaryKey() ? "primary" : "alternate")} ({Names(k.Properties)}) {k.GetName()}").Order(StringComparer.Ordinal))
            yield return key;
        foreach (var index in entity.GetIndexes().Select(i => $"{name} index {i.GetDatabaseName()} ({Names(i.Properties)}) unique {i.IsUnique} filter {i.GetFilter()}").Order(StringComparer.Ordinal))
            yield return index;
        foreach (var foreignKey in entity.GetForeignKeys().Select(f => $"{name} foreign key ({Names(f.Properties)}) → {f.PrincipalEntityType.Name} ({Names(f.PrincipalKey.Properties)}) {f.GetConstraintName()} required {f.IsRequired} unique {f.IsUnique} on delete {f.DeleteBehavior}").Order(StringComparer.Ordinal))
            yield return foreignKey;
        foreach (var navigation in entity.GetNavigations().Select(n => $"{name} navigation {n.Name} → {n.TargetEntityType.Name} collection {n.IsCollection}").Order(StringComparer.Ordinal))
            yield return navigation;
    }

    private static string Names(IReadOnlyList<IProperty> properties) => string.Join(", ", properties.Select(p => p.Name));
}
