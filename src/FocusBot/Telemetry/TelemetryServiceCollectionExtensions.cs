using Azure.Monitor.OpenTelemetry.AspNetCore;
using FocusBot.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.Http;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FocusBot.Telemetry;

/// <summary>
/// OpenTelemetry: traces (each turn, incoming requests, Bot Connector and Graph calls, EF Core commands), metrics
/// (FocusBot's own, ASP.NET Core, HttpClient) and logs with their trace ids. Exported to Azure Monitor when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, to OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the
/// standard <c>OTEL_*</c> variables apply); off when neither is set, unless <c>Telemetry:Enabled</c> is true.
/// Nothing a person typed is recorded: spans carry kinds, verbs and statuses, request bodies and SQL parameter
/// values are never captured, and URL path segments with an e-mail address or a conversation id are masked.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string EnabledSetting = "Telemetry:Enabled";

    /// <summary>Registers OpenTelemetry when an exporter (or <see cref="EnabledSetting"/>) is configured; else nothing.</summary>
    public static WebApplicationBuilder AddFocusBotTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var azureMonitor = !string.IsNullOrWhiteSpace(configuration[AzureMonitorSetting]);
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpSetting]);
        if (!azureMonitor && !otlp && !configuration.GetValue(EnabledSetting, false)) return builder;

        builder.Logging.AddOpenTelemetry(logging => logging.IncludeFormattedMessage = true);
        builder.Services.Configure<HttpClientTraceInstrumentationOptions>(options =>
            options.EnrichWithHttpRequestMessage = (activity, request) => activity.SetTag("url.full", TelemetryUrl.Mask(request.RequestUri)));

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("FocusBot"))
            .WithTracing(tracing => tracing
                .AddSource(FocusBotTelemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(FocusBotTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (azureMonitor) telemetry.UseAzureMonitor();
        if (otlp) telemetry.UseOtlpExporter();
        return builder;
    }
}
