package transcript

import (
	"bytes"
	"fmt"
	"os"
	"testing"
)

// BenchmarkReadDocuments reads a JSONL file of 200 incidents with 50 messages each.
func BenchmarkReadDocuments(b *testing.B) {
	var buf bytes.Buffer
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&buf, `{"id": "INC-%d", "title": "t", "messages": [`, i)
		for j := 0; j < 50; j++ {
			if j > 0 {
				buf.WriteByte(',')
			}
			fmt.Fprintf(&buf, `{"ts": "17724464%02d.%06d", "user_name": "u%d", "text": "checkout api returned 5xx after deploy, pool at 100/100, rolling back now"}`, j, j, j%5)
		}
		buf.WriteString("]}\n")
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ReadDocuments("bench.jsonl", bytes.NewReader(data), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadPostmortem(b *testing.B) {
	data, err := os.ReadFile(testPostmortem)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := ReadPostmortem(testPostmortem, data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadSlackExport(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := ReadSlackExport(testExport, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
