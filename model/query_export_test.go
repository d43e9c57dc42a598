package model

// Percentiles exposes percentiles to the external benchmarks.
var Percentiles = percentiles
