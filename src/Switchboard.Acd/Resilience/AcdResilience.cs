using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using StackExchange.Redis;
using Switchboard.Acd.Store;

namespace Switchboard.Acd.Resilience;

/// <summary>
/// The Polly pipeline around every Redis call: retry with exponential backoff and jitter (outermost), a circuit
/// breaker, and a per-attempt timeout (innermost). All driven by the store's <see cref="TimeProvider"/>.
/// </summary>
internal static class AcdResilience
{
    public static ResiliencePipeline Create(AcdOptions options, TimeProvider timeProvider)
    {
        var transient = new PredicateBuilder()
            .Handle<RedisConnectionException>()
            .Handle<RedisTimeoutException>()
            .Handle<TimeoutRejectedException>();

        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.RedisRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.RedisRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(50),
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = TimeSpan.FromSeconds(5),
            })
            .AddTimeout(options.RedisTimeout)
            .Build();
    }
}
