'use client';
// The node the editor has selected, for the results under the canvas: clicking a node after a run
// plots its output under the K-line. Outside the editor nothing provides it (the run page has a picker).
import { createContext } from 'react';

export const InspectedNodeContext = createContext<string | null>(null);
