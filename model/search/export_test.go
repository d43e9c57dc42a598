package search

// Sharded returns opts with documents spread over the index's files from
// min new ones (shardMin otherwise), for tests of a sharded index.
func Sharded(opts Options, min int) Options {
	opts.shardMin = min
	return opts
}

// ShardOf is shardOf, for the external tests.
var ShardOf = shardOf

// SchemaVersion is schemaVersion, for the benchmarks' folder names.
const SchemaVersion = schemaVersion
