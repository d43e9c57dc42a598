package model

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// bigStateSizes are the state file sizes the big-store benchmarks run at.
var bigStateSizes = []struct {
	name string
	n    int
}{{"10k", 10_000}, {"1M", 1_000_000}}

// bigStateFile is bigStateFileOf for StateVersion.
func bigStateFile(b *testing.B, n int) string { return bigStateFileOf(b, n, StateVersion) }

// bigStateFileOf returns the path of a compact state file of the given
// version with n entries, generated once into the temporary folder and reused by later runs (it is
// only read; benchmarks that write copy it first). Every entry is
// shortlisted with one tag; every tenth also has a note, a snapshot and a
// time, so 1M entries make about 50 MB.
func bigStateFileOf(b *testing.B, n, version int) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("jobdeck-state-bench-v%d-%d.json", version, n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".partial"
	f, err := os.Create(tmp)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, `{"version":%d,"postings":{`, version)
	for i := range n {
		if i > 0 {
			w.WriteByte(',')
		}
		fmt.Fprintf(w, `"p%07d":{"shortlisted":true,"tags":["t%d"]`, i, i%50)
		if i%10 == 0 {
			fmt.Fprintf(w, `,"note":"call Monday","title":"Role %d","company":"Co","updated":"2026-11-23T19:24:49Z"`, i)
		}
		w.WriteByte('}')
	}
	w.WriteString("}}\n")
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// copyStateFile copies the state file src into a fresh temporary folder.
func copyStateFile(b *testing.B, src string) string {
	b.Helper()
	dst := filepath.Join(b.TempDir(), "state.json")
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	return dst
}

// cpuMeter adds up the process CPU time of the timed parts of a benchmark,
// reported as cpu-ms/op: on a shared machine wall time says little.
type cpuMeter struct {
	total, start time.Duration
}

func (m *cpuMeter) begin() { m.start = processCPU() }
func (m *cpuMeter) end()   { m.total += processCPU() - m.start }
func (m *cpuMeter) report(b *testing.B) {
	b.ReportMetric(float64(m.total.Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

func openBench(b *testing.B, path string) *Store {
	b.Helper()
	s, err := OpenStore(path)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkBigStoreOpen measures OpenStore of a big state file.
func BenchmarkBigStoreOpen(b *testing.B) {
	for _, size := range bigStateSizes {
		b.Run(size.name, func(b *testing.B) {
			path := bigStateFile(b, size.n)
			b.ReportAllocs()
			var cpu cpuMeter
			for b.Loop() {
				cpu.begin()
				openBench(b, path)
				cpu.end()
			}
			cpu.report(b)
		})
	}
}

// BenchmarkBigStoreFirstSave measures the first Save after opening a big
// state file, of one change.
func BenchmarkBigStoreFirstSave(b *testing.B) {
	for _, size := range bigStateSizes {
		b.Run(size.name, func(b *testing.B) {
			src := bigStateFile(b, size.n)
			b.ReportAllocs()
			var cpu cpuMeter
			for b.Loop() {
				b.StopTimer()
				s := openBench(b, copyStateFile(b, src))
				if err := s.SetNote(statePosting("p0000001", "Role"), "first"); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				cpu.begin()
				if err := s.Save(); err != nil {
					b.Fatal(err)
				}
				cpu.end()
			}
			cpu.report(b)
		})
	}
}

// BenchmarkBigStoreMigrateV1 measures the first Save of one change to a
// big version 1 state file: the copy beside it, and the file rewritten
// whole as version 2.
func BenchmarkBigStoreMigrateV1(b *testing.B) {
	for _, size := range bigStateSizes {
		b.Run(size.name, func(b *testing.B) {
			src := bigStateFileOf(b, size.n, 1)
			b.ReportAllocs()
			var cpu cpuMeter
			for b.Loop() {
				b.StopTimer()
				s := openBench(b, copyStateFile(b, src))
				if err := s.SetStage(statePosting("p0000001", "Role"), StageApplied, time.Now()); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				cpu.begin()
				if err := s.Save(); err != nil {
					b.Fatal(err)
				}
				cpu.end()
			}
			cpu.report(b)
		})
	}
}

// BenchmarkBigStoreSaveOneChange measures one change plus Save on a big
// state file that this store saved before (the steady state of a session).
func BenchmarkBigStoreSaveOneChange(b *testing.B) {
	for _, size := range bigStateSizes {
		b.Run(size.name, func(b *testing.B) {
			s := openBench(b, copyStateFile(b, bigStateFile(b, size.n)))
			p := statePosting("p0000002", "Role")
			if err := s.SetNote(p, "warm up"); err != nil {
				b.Fatal(err)
			}
			if err := s.Save(); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			var cpu cpuMeter
			for i := 0; b.Loop(); i++ {
				cpu.begin()
				if err := s.SetNote(p, fmt.Sprintf("note %d", i)); err != nil {
					b.Fatal(err)
				}
				if err := s.Save(); err != nil {
					b.Fatal(err)
				}
				cpu.end()
			}
			cpu.report(b)
		})
	}
}

// BenchmarkBigStoreMerge measures a Save that must merge: another store
// saved a change to the same big file since this one last read it.
func BenchmarkBigStoreMerge(b *testing.B) {
	for _, size := range bigStateSizes {
		b.Run(size.name, func(b *testing.B) {
			path := copyStateFile(b, bigStateFile(b, size.n))
			mine, theirs := openBench(b, path), openBench(b, path)
			pm, pt := statePosting("p0000003", "Role"), statePosting("p0000004", "Role")
			b.ReportAllocs()
			var cpu cpuMeter
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				if err := theirs.SetNote(pt, fmt.Sprintf("theirs %d", i)); err != nil {
					b.Fatal(err)
				}
				if err := theirs.Save(); err != nil {
					b.Fatal(err)
				}
				if err := mine.SetNote(pm, fmt.Sprintf("mine %d", i)); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				cpu.begin()
				if err := mine.Save(); err != nil {
					b.Fatal(err)
				}
				cpu.end()
			}
			cpu.report(b)
		})
	}
}
