import type { Benchmark } from './types';
import { ublBenchmark } from './ubl';
import { xmlLibraryBenchmark } from './xml-library';
import { smallFilesBenchmark } from './small-files';
import { exportBenchmark } from './export';
import { n8nSmallFilesBenchmark } from './n8n-small-files';
import { largeFilesBenchmark } from './large-files';
import { backfillBenchmark } from './backfill';
import { pipelinesBenchmark } from './pipelines';
import { n8nSmallFilesLatencyBenchmark } from './n8n-small-files-latency';

/** Every benchmark, in the order a full run takes them. */
export const BENCHMARKS: Benchmark[] = [ublBenchmark, xmlLibraryBenchmark, smallFilesBenchmark, exportBenchmark, n8nSmallFilesBenchmark, n8nSmallFilesLatencyBenchmark, largeFilesBenchmark, backfillBenchmark, pipelinesBenchmark];
