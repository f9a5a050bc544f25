namespace DriftWatch.Serving.Storage;

/// <summary>What happened to one feedback item.</summary>
public enum FeedbackStatus
{
    /// <summary>The label was stored (first feedback for the id).</summary>
    Stored = 0,

    /// <summary>The same label was already stored: nothing changed (idempotent repeat).</summary>
    Duplicate = 1,

    /// <summary>A different label was already stored: rejected, the first label stands.</summary>
    Conflict = 2,

    /// <summary>No prediction of this model has this id.</summary>
    UnknownId = 3,
}
