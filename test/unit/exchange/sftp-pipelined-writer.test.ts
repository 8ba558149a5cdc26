import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';

import { SftpPipelinedWriteStream } from '../../../lib/exchange/sftp/sftp-pipelined-writer';
import { FakeSftp, settle } from './fake-sftp';

function chunksOf(content: Buffer, size: number): Buffer[] {
	const chunks: Buffer[] = [];
	for (let start = 0; start < content.length; start += size) chunks.push(content.subarray(start, start + size));
	return chunks;
}

/** Answers every unanswered write, the newest first, until the upload settles. */
async function answerNewestFirst(sftp: FakeSftp, upload: Promise<unknown>): Promise<void> {
	let settled = false;
	void upload.then(
		() => (settled = true),
		() => (settled = true),
	);
	while (!settled) {
		for (const write of [...sftp.writes].reverse()) write.answer();
		await settle();
	}
}

describe('SftpPipelinedWriteStream', () => {
	it('writes every byte at its offset when the answers come back in reverse order', async () => {
		const content = randomBytes(103);
		const sftp = new FakeSftp(undefined, 8);
		const output = new SftpPipelinedWriteStream(sftp.wrapper, '/in/a.part', { requestsInFlight: 5 });
		const upload = pipeline(Readable.from(chunksOf(content, 13)), output);
		await answerNewestFirst(sftp, upload);
		await upload;
		expect(sftp.writtenContent().equals(content)).toBe(true);
		expect(output.bytes).toBe(103);
		expect(sftp.calls.at(0)).toBe('open w');
		expect(sftp.calls.at(-1)).toBe('close');
	});

	it('splits a chunk larger than the connection allows into requests at consecutive offsets', async () => {
		const sftp = new FakeSftp(undefined, 4);
		const upload = pipeline(
			Readable.from([Buffer.from('0123456789')]),
			new SftpPipelinedWriteStream(sftp.wrapper, '/in/a.part'),
		);
		await settle();
		expect(sftp.writes.map((write) => [write.position, write.data.toString()])).toEqual([
			[0, '0123'],
			[4, '4567'],
			[8, '89'],
		]);
		await answerNewestFirst(sftp, upload);
		await upload;
	});

	it('sends the first chunk at once and joins the ones arriving while it is unanswered into full requests', async () => {
		const content = randomBytes(20);
		const sftp = new FakeSftp(undefined, 8);
		const upload = pipeline(
			Readable.from(chunksOf(content, 3)),
			new SftpPipelinedWriteStream(sftp.wrapper, '/in/a.part'),
		);
		await settle();
		expect(sftp.writes.map((write) => [write.position, write.data.length])).toEqual([
			[0, 3],
			[3, 8],
			[11, 8],
			[19, 1],
		]);
		await answerNewestFirst(sftp, upload);
		await upload;
		expect(sftp.writtenContent().equals(content)).toBe(true);
	});

	it('sends a part-filled request once every earlier one is answered, without waiting for more data', async () => {
		const sftp = new FakeSftp(undefined, 8);
		const output = new SftpPipelinedWriteStream(sftp.wrapper, '/in/a.part');
		output.write(Buffer.from('abc'));
		await settle();
		output.write(Buffer.from('def'));
		await settle();
		expect(sftp.writes.map((write) => write.data.toString())).toEqual(['abc']);
		sftp.writes[0].answer();
		await settle();
		expect(sftp.writes.map((write) => [write.position, write.data.toString()])).toEqual([[3, 'def']]);
		const finished = new Promise((resolve) => output.end(resolve));
		sftp.writes[0].answer();
		await finished;
		expect(sftp.writtenContent().toString()).toBe('abcdef');
	});

	it('holds the source back while the set number of requests is unanswered', async () => {
		const sftp = new FakeSftp(undefined, 4);
		let chunksTaken = 0;
		const source = Readable.from(
			(function* () {
				for (let index = 0; index < 50; index++) {
					chunksTaken++;
					yield Buffer.alloc(4, index);
				}
			})(),
			{ highWaterMark: 1 },
		);
		const upload = pipeline(source, new SftpPipelinedWriteStream(sftp.wrapper, '/in/a.part', { requestsInFlight: 3 }));
		await settle();
		expect(sftp.writes).toHaveLength(3);
		const takenWhileFull = chunksTaken;
		await settle();
		expect(chunksTaken).toBe(takenWhileFull);
		sftp.writes[1].answer();
		await settle();
		expect(sftp.writes).toHaveLength(3);
		await answerNewestFirst(sftp, upload);
		await upload;
		expect(sftp.mostUnansweredWrites).toBe(3);
		expect(sftp.written.size).toBe(50);
	});

	it('fails with the first refused write, sends nothing more and closes the handle', async () => {
		const sftp = new FakeSftp(undefined, 4);
		const source = Readable.from(chunksOf(randomBytes(400), 4));
		const upload = pipeline(source, new SftpPipelinedWriteStream(sftp.wrapper, '/in/a.part', { requestsInFlight: 4 }));
		await settle();
		const refusal = Object.assign(new Error('Failure'), { code: 4 });
		sftp.writes[2].answer(refusal);
		sftp.writes[0].answer(new Error('a later failure'));
		await expect(upload).rejects.toBe(refusal);
		const writesSent = sftp.calls.filter((call) => call === 'write').length;
		for (const write of [...sftp.writes]) write.answer();
		await settle();
		expect(sftp.calls.filter((call) => call === 'write')).toHaveLength(writesSent);
		expect(sftp.calls.filter((call) => call === 'close')).toHaveLength(1);
	});

	it('reports a write refused after the source ended through the close', async () => {
		const sftp = new FakeSftp(undefined, 4);
		const upload = pipeline(
			Readable.from([Buffer.from('abcdefgh')]),
			new SftpPipelinedWriteStream(sftp.wrapper, '/in/a.part'),
		);
		await settle();
		expect(sftp.calls.at(-1)).toBe('close');
		const refusal = new Error('disk full');
		sftp.writes[1].answer(refusal);
		sftp.writes[0].answer();
		await expect(upload).rejects.toBe(refusal);
	});

	it('closes the handle when destroyed mid-transfer', async () => {
		const sftp = new FakeSftp(undefined, 4);
		const output = new SftpPipelinedWriteStream(sftp.wrapper, '/in/a.part');
		const upload = pipeline(Readable.from(chunksOf(randomBytes(40), 4)), output);
		await settle();
		const lost = new Error('the connection was lost');
		output.destroy(lost);
		await expect(upload).rejects.toBe(lost);
		expect(sftp.calls.filter((call) => call === 'close')).toHaveLength(1);
	});

	it('sets the mode on the open file right before the close, and keeps a refusal for the caller', async () => {
		const sftp = new FakeSftp(undefined, 4);
		sftp.fchmodError = new Error('permission denied');
		const output = new SftpPipelinedWriteStream(sftp.wrapper, '/in/a.part', { mode: 0o664 });
		const upload = pipeline(Readable.from([Buffer.from('abcdef')]), output);
		await answerNewestFirst(sftp, upload);
		await upload;
		expect(sftp.calls.slice(-2)).toEqual(['fchmod 664', 'close']);
		expect(output.modeError).toBe(sftp.fchmodError);
	});

	it('writes an empty file with no write request', async () => {
		const sftp = new FakeSftp(undefined, 4);
		const output = new SftpPipelinedWriteStream(sftp.wrapper, '/in/a.part');
		await pipeline(Readable.from([]), output);
		expect(sftp.calls).toEqual(['open w', 'close']);
		expect(output.bytes).toBe(0);
	});
});
