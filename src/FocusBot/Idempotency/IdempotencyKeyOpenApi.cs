using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FocusBot.Idempotency;

/// <summary>Lists the optional <c>Idempotency-Key</c> header on every endpoint that honours it (<see cref="IdempotencyKeys.Idempotent"/>).</summary>
public sealed class IdempotencyKeyOpenApi : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotentEndpoint>().Any()) return Task.CompletedTask;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeys.HeaderName,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Optional. A key of yours (a UUID is best) that makes retrying safe: the same key with the same request " +
                "within the retention window (Backend:IdempotencyKeyHours, default 24) has one effect and gets the first answer " +
                "again, status and body, with Idempotent-Replayed: true. The same key with another request: 422. While the first " +
                "request with the key is still being handled: 409 with Retry-After.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeys.MaxKeyLength },
        });
        return Task.CompletedTask;
    }
}
