using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace DriftWatch.AspNetCore.Security;

/// <summary>A set of API keys checked against <c>Authorization: Bearer &lt;key&gt;</c> in constant time.</summary>
/// <remarks>
/// Keys are kept as SHA-256 digests; the presented key is hashed and compared with every digest by
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, without stopping at a match, so the time taken reveals
/// neither which key matched nor how many leading bytes were right (hashing first also hides the key length).
/// <threadsafety>Immutable; safe to use from any thread.</threadsafety>
/// </remarks>
internal sealed class ApiKeySet
{
    private readonly byte[][] _digests;

    public ApiKeySet(IEnumerable<string> keys)
    {
        _digests = [.. keys.Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k)))];
    }

    /// <summary>Gets a value indicating whether no key is configured.</summary>
    public bool IsEmpty => _digests.Length == 0;

    /// <summary>Checks the request's bearer token.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> when the token equals one of the keys.</returns>
    public bool IsAuthorized(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string Scheme = "Bearer ";
        if (header.Length <= Scheme.Length || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        var token = header.AsSpan(Scheme.Length).Trim();
        var bytes = Encoding.UTF8.GetBytes(token.ToArray());
        SHA256.HashData(bytes, digest);
        var match = false;
        foreach (var d in _digests)
        {
            match |= CryptographicOperations.FixedTimeEquals(d, digest);
        }

        return match;
    }
}
