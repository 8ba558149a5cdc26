import { createRouter } from '../../shared/router';
import { resources } from './resources';

export const router = createRouter({ resources });
