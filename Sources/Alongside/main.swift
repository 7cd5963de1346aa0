import AlongsideApp

// First, before any task exists (NIO's rule): let Swift concurrency run on the server's event loops.
ServerTuning.runConcurrencyOnEventLoops()
await AlongsideCommand.runFromCommandLine()
