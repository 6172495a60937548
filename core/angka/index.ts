export * from './desimal';
export * from './satuan';
export * from './parse';
export * from './format';
export * from './kolom';
