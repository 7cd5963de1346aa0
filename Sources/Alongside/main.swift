import AlongsideApp

// First, before any task exists (NIO's rule): let Swift concurrency run on the server's event loops.
ServerTuning.runConcurrencyOnEventLoops()
// Every file this process makes (the database, its WAL, backups) is readable by its own account only.
FilePrivacy.restrictNewFiles()
await AlongsideCommand.runFromCommandLine()
