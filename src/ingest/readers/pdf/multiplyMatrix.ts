/** A PDF transformation matrix [a, b, c, d, e, f]. */
export type Matrix = [number, number, number, number, number, number];

/** `inner` applied first, then `outer`: the matrix a `cm` operator (`inner`) makes of the current one (`outer`). */
export function multiplyMatrix(outer: Matrix, inner: Matrix): Matrix {
	const [a, b, c, d, e, f] = outer;
	const [a2, b2, c2, d2, e2, f2] = inner;
	return [a2 * a + b2 * c, a2 * b + b2 * d, c2 * a + d2 * c, c2 * b + d2 * d, e2 * a + f2 * c + e, e2 * b + f2 * d + f];
}
