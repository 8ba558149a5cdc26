import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** One operation: its UI properties and what it does for one input item. */
export interface BillitOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
}

/** A resource: its operation selector and operations by value. */
export interface BillitResource {
	description: INodeProperties[];
	operations: Record<string, BillitOperation>;
}
