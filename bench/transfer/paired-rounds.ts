/**
 * Ours and a reference measured in pairs, round after round, so both meet the same background load
 * of a shared machine. The order within a pair alternates (ours first in round 1, the reference
 * first in round 2, …) so that neither side always runs on a warmer or quieter machine.
 */

export interface PairedRound<M> {
	ours: M;
	reference: M;
}

export async function pairedRounds<M>(
	rounds: number,
	ours: () => Promise<M>,
	reference: () => Promise<M>,
	onRound?: (round: PairedRound<M>, index: number) => void,
): Promise<Array<PairedRound<M>>> {
	const results: Array<PairedRound<M>> = [];
	for (let index = 0; index < rounds; index++) {
		let pair: PairedRound<M>;
		if (index % 2 === 0) {
			const oursFirst = await ours();
			pair = { ours: oursFirst, reference: await reference() };
		} else {
			const referenceFirst = await reference();
			pair = { ours: await ours(), reference: referenceFirst };
		}
		results.push(pair);
		onRound?.(pair, index);
	}
	return results;
}

/** The median of the values (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
	if (values.length === 0) throw new Error('median of no values');
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
