import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { SftpPipelinedReadStream } from '../../../lib/exchange/sftp/sftp-pipelined-reader';
import { FakeSftp, settle, type PendingRead } from './fake-sftp';

/** Collects the stream's data while the test answers the reads. */
function collect(stream: SftpPipelinedReadStream): { chunks: Buffer[]; ended: Promise<Buffer> } {
	const chunks: Buffer[] = [];
	stream.on('data', (chunk: Buffer) => chunks.push(chunk));
	const ended = new Promise<Buffer>((resolve, reject) => {
		stream.once('end', () => resolve(Buffer.concat(chunks)));
		stream.once('error', reject);
	});
	return { chunks, ended };
}

/** Answers the unanswered reads in the order `pick` chooses, until the stream is done. */
async function answerUntilDone(
	sftp: FakeSftp,
	stream: SftpPipelinedReadStream,
	pick: (reads: PendingRead[]) => PendingRead[],
	limit?: number,
): Promise<void> {
	await settle();
	while (sftp.reads.length > 0 && !stream.destroyed) {
		for (const read of pick([...sftp.reads])) read.answer(limit);
		await settle();
	}
}

const newestFirst = (reads: PendingRead[]) => reads.reverse();

describe('SftpPipelinedReadStream', () => {
	it('passes the data on in file order when the answers come back in reverse order', async () => {
		const file = randomBytes(101);
		const sftp = new FakeSftp(file, 8);
		const stream = new SftpPipelinedReadStream(sftp.wrapper, '/out/a.xml', { size: file.length, requestsInFlight: 5 });
		const { ended } = collect(stream);
		await answerUntilDone(sftp, stream, newestFirst);
		expect((await ended).equals(file)).toBe(true);
		expect(sftp.mostUnansweredReads).toBe(5);
		expect(sftp.calls.filter((call) => call === 'read')).toHaveLength(13);
		expect(sftp.calls.at(-1)).toBe('close');
	});

	it('asks for the rest of a span the server answered short', async () => {
		const file = randomBytes(50);
		const sftp = new FakeSftp(file, 8);
		const stream = new SftpPipelinedReadStream(sftp.wrapper, '/out/a.xml', { size: file.length, requestsInFlight: 4 });
		const { ended } = collect(stream);
		await settle();
		const first = sftp.reads[0];
		first.answer(3);
		await settle();
		expect(sftp.reads.map((read) => [read.position, read.length])).toContainEqual([3, 5]);
		await answerUntilDone(sftp, stream, newestFirst, 3);
		expect((await ended).equals(file)).toBe(true);
	});

	it('sends no more requests while the consumer is not reading, then resumes', async () => {
		const file = randomBytes(1024 * 1024);
		const sftp = new FakeSftp(file, 1024);
		const stream = new SftpPipelinedReadStream(sftp.wrapper, '/out/a.xml', {
			size: file.length,
			requestsInFlight: 6,
		});
		stream.pause();
		stream.read(0);
		await answerUntilDone(sftp, stream, (reads) => reads);
		const sentWhilePaused = sftp.calls.filter((call) => call === 'read').length;
		// What the stream's own buffer holds, plus the requests in flight when it filled up.
		expect(sentWhilePaused).toBeLessThanOrEqual(stream.readableHighWaterMark / 1024 + 6);
		expect(stream.readableLength).toBeGreaterThanOrEqual(stream.readableHighWaterMark);
		await settle();
		expect(sftp.calls.filter((call) => call === 'read')).toHaveLength(sentWhilePaused);
		const { ended } = collect(stream);
		stream.resume();
		await answerUntilDone(sftp, stream, newestFirst);
		expect((await ended).equals(file)).toBe(true);
		expect(sftp.mostUnansweredReads).toBeLessThanOrEqual(6);
	});

	it('asks the server for the size when the caller has none', async () => {
		const file = randomBytes(30);
		const sftp = new FakeSftp(file, 8);
		const stream = new SftpPipelinedReadStream(sftp.wrapper, '/out/a.xml', { requestsInFlight: 2 });
		const { ended } = collect(stream);
		await answerUntilDone(sftp, stream, newestFirst);
		expect((await ended).equals(file)).toBe(true);
		expect(sftp.calls.slice(0, 2)).toEqual(['open r', 'fstat']);
	});

	it('reads until the end of the file when the server gives no size', async () => {
		const file = randomBytes(30);
		const sftp = new FakeSftp(file, 8);
		sftp.fstatSize = undefined;
		const stream = new SftpPipelinedReadStream(sftp.wrapper, '/out/a.xml', { requestsInFlight: 3 });
		const { ended } = collect(stream);
		await answerUntilDone(sftp, stream, newestFirst);
		expect((await ended).equals(file)).toBe(true);
		expect(sftp.calls.at(-1)).toBe('close');
	});

	it('ends at the end of a file that shrank below the size given', async () => {
		const file = randomBytes(10);
		const sftp = new FakeSftp(file, 4);
		const stream = new SftpPipelinedReadStream(sftp.wrapper, '/out/a.xml', { size: 40, requestsInFlight: 20 });
		const { ended } = collect(stream);
		await answerUntilDone(sftp, stream, newestFirst);
		expect((await ended).equals(file)).toBe(true);
	});

	it('reads nothing from an empty file', async () => {
		const sftp = new FakeSftp(Buffer.alloc(0), 4);
		const stream = new SftpPipelinedReadStream(sftp.wrapper, '/out/a.xml', { size: 0 });
		const { ended } = collect(stream);
		expect((await ended).length).toBe(0);
		await settle();
		expect(sftp.calls).toEqual(['open r', 'close']);
	});

	it('fails with a refused read, sends nothing more and closes the handle', async () => {
		const file = randomBytes(400);
		const sftp = new FakeSftp(file, 4);
		const stream = new SftpPipelinedReadStream(sftp.wrapper, '/out/a.xml', { size: file.length, requestsInFlight: 4 });
		const { ended } = collect(stream);
		await settle();
		const refusal = new Error('Failure');
		sftp.reads[1].fail(refusal);
		sftp.reads[0].answer();
		await expect(ended).rejects.toBe(refusal);
		const readsSent = sftp.calls.filter((call) => call === 'read').length;
		for (const read of [...sftp.reads]) read.answer();
		await settle();
		expect(sftp.calls.filter((call) => call === 'read')).toHaveLength(readsSent);
		expect(sftp.calls.filter((call) => call === 'close')).toHaveLength(1);
	});

	it('closes the handle when destroyed mid-transfer', async () => {
		const file = randomBytes(400);
		const sftp = new FakeSftp(file, 4);
		const stream = new SftpPipelinedReadStream(sftp.wrapper, '/out/a.xml', { size: file.length });
		collect(stream).ended.catch(() => undefined);
		await settle();
		sftp.reads[0].answer();
		stream.destroy();
		await settle();
		expect(sftp.calls.filter((call) => call === 'close')).toHaveLength(1);
	});
});
