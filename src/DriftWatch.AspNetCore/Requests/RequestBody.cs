using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace DriftWatch.AspNetCore.Requests;

/// <summary>Reads a JSON request body into a pooled buffer, enforcing the content type and size limit.</summary>
internal static class RequestBody
{
    public static async Task<(byte[]? Buffer, int Length, RequestError? Error)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, 0, new RequestError(
                StatusCodes.Status415UnsupportedMediaType,
                "unsupported_media_type",
                "Content-Type",
                $"Content-Type must be application/json, not '{Truncate(request.ContentType ?? "(none)")}'."));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, 0, TooLarge(maxBytes));
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? 4096, maxBytes) + 1);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return (null, 0, TooLarge(maxBytes));
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, 0, TooLarge(maxBytes));
                }
            }
        }
        catch (BadHttpRequestException ex)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return (null, 0, new RequestError(ex.StatusCode is >= 400 and < 500 ? ex.StatusCode : 400, "invalid_body", "body", Truncate(ex.Message)));
        }

        return (buffer, length, null);
    }

    public static string Truncate(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 80), "…");

    private static RequestError TooLarge(long maxBytes) => new(
        StatusCodes.Status413PayloadTooLarge,
        "too_large",
        "body",
        string.Create(CultureInfo.InvariantCulture, $"The request body exceeds the limit of {maxBytes} bytes."));
}
