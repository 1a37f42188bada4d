namespace Switchboard.Acd.Directory;

/// <summary>What a directory write did.</summary>
public enum DirectoryWriteResult
{
    /// <summary>Stored.</summary>
    Ok,

    /// <summary>Create: the agent id is already in the directory.</summary>
    Exists,

    /// <summary>Update: no such agent.</summary>
    NotFound,

    /// <summary>Another agent already has the phone account.</summary>
    PhoneTaken,

    /// <summary>Update: the entry changed since the version the caller started from.</summary>
    VersionMoved,

    /// <summary>Create: the directory holds its maximum number of agents.</summary>
    Full,
}
