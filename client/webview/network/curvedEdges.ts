// Curved directed ties for sigma (WebGL): a quadratic Bézier bent to the left of its direction, so A→B and
// B→A are two arcs instead of one line, ending in an arrow head at the target's rim. sigma's own programs
// draw straight ties only (its curve package is not a dependency). The curve is cut into segments by
// constant vertex data (sigma draws each tie as an instance), so a tie costs as little memory as a line.
import { EdgeProgram, type ProgramInfo } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData, RenderParams } from 'sigma/types';
import { floatColor } from 'sigma/utils';
import { CURVATURE } from '../../../server/src/engine/networkPicture/arc.js';
import type { EdgeAttributes, NodeAttributes } from '../../../server/src/engine/networkPicture/graph.js';

const SEGMENTS = 16;

// Body vertices: [t along the curve, side of the curve (±1), 0]; the arrow head's: [0, side (0 is the tip), 1].
const BODY = Array.from({ length: SEGMENTS }, (_, i) => {
  const [t0, t1] = [i / SEGMENTS, (i + 1) / SEGMENTS];
  return [[t0, -1, 0], [t0, 1, 0], [t1, 1, 0], [t0, -1, 0], [t1, 1, 0], [t1, -1, 0]];
}).flat();
const HEAD = [[0, 0, 1], [0, 1, 1], [0, -1, 1]];

// As sigma's arrow programs: thickness and node radius from display sizes to graph units; head 2.5 × 2 thicknesses long.
const VERTEX_SHADER = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_source;
attribute vec2 a_target;
attribute float a_thickness;
attribute float a_radius;
attribute float a_t;
attribute float a_side;
attribute float a_head;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_curvature;

varying vec4 v_color;

const float bias = 255.0 / 254.0;

vec2 bezier(vec2 a, vec2 c, vec2 b, float t) {
  return (1.0 - t) * (1.0 - t) * a + 2.0 * (1.0 - t) * t * c + t * t * b;
}

void main() {
  float thickness = max(a_thickness, u_minEdgeThickness * u_sizeRatio) * u_correctionRatio / u_sizeRatio;
  float radius = a_radius * 2.0 * u_correctionRatio / u_sizeRatio;
  float headLength = thickness * 5.0;
  vec2 chord = a_target - a_source;
  float chordLength = max(length(chord), 1e-9);
  vec2 control = (a_source + a_target) / 2.0 + vec2(-chord.y, chord.x) * u_curvature;
  // the body stops where the head begins, the head's tip at the target's rim
  float end = clamp(1.0 - (radius + headLength) / chordLength, 0.0, 1.0);
  float t = a_head > 0.5 ? end : a_t * end;
  vec2 tangent = normalize(2.0 * (1.0 - t) * (control - a_source) + 2.0 * t * (a_target - control) + vec2(1e-9, 0.0));
  vec2 normal = vec2(-tangent.y, tangent.x);
  vec2 point = bezier(a_source, control, a_target, t);
  vec2 position = a_head < 0.5 ? point + normal * thickness * a_side
    : a_side == 0.0 ? a_target - normalize(a_target - control) * radius
    : point + normal * thickness * 2.0 * a_side;
  gl_Position = vec4((u_matrix * vec3(position, 1)).xy, 0, 1);

  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

// sigma blends premultiplied colours (ONE, ONE_MINUS_SRC_ALPHA); picking needs the id as it is
const FRAGMENT_SHADER = /* glsl */ `
precision mediump float;
varying vec4 v_color;
void main(void) {
  #ifdef PICKING_MODE
  gl_FragColor = v_color;
  #else
  gl_FragColor = vec4(v_color.rgb * v_color.a, v_color.a);
  #endif
}
`;

const { FLOAT, UNSIGNED_BYTE } = WebGLRenderingContext;
type Uniform = 'u_matrix' | 'u_sizeRatio' | 'u_correctionRatio' | 'u_minEdgeThickness' | 'u_curvature';

export class CurvedArrowProgram extends EdgeProgram<Uniform, NodeAttributes, EdgeAttributes> {
  getDefinition() {
    return {
      VERTICES: BODY.length + HEAD.length,
      VERTEX_SHADER_SOURCE: VERTEX_SHADER,
      FRAGMENT_SHADER_SOURCE: FRAGMENT_SHADER,
      METHOD: WebGLRenderingContext.TRIANGLES,
      UNIFORMS: ['u_matrix', 'u_sizeRatio', 'u_correctionRatio', 'u_minEdgeThickness', 'u_curvature'] as Uniform[],
      ATTRIBUTES: [
        { name: 'a_source', size: 2, type: FLOAT },
        { name: 'a_target', size: 2, type: FLOAT },
        { name: 'a_thickness', size: 1, type: FLOAT },
        { name: 'a_radius', size: 1, type: FLOAT },
        { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
      ],
      CONSTANT_ATTRIBUTES: [
        { name: 'a_t', size: 1, type: FLOAT },
        { name: 'a_side', size: 1, type: FLOAT },
        { name: 'a_head', size: 1, type: FLOAT },
      ],
      CONSTANT_DATA: [...BODY, ...HEAD],
    };
  }

  processVisibleItem(edgeIndex: number, startIndex: number, source: NodeDisplayData, target: NodeDisplayData, data: EdgeDisplayData): void {
    const array = this.array;
    array[startIndex++] = source.x;
    array[startIndex++] = source.y;
    array[startIndex++] = target.x;
    array[startIndex++] = target.y;
    array[startIndex++] = data.size || 1;
    array[startIndex++] = target.size || 1;
    array[startIndex++] = floatColor(data.color);
    array[startIndex++] = edgeIndex;
  }

  setUniforms(params: RenderParams, { gl, uniformLocations }: ProgramInfo<Uniform>): void {
    gl.uniformMatrix3fv(uniformLocations.u_matrix, false, params.matrix);
    gl.uniform1f(uniformLocations.u_sizeRatio, params.sizeRatio);
    gl.uniform1f(uniformLocations.u_correctionRatio, params.correctionRatio);
    gl.uniform1f(uniformLocations.u_minEdgeThickness, params.minEdgeThickness);
    gl.uniform1f(uniformLocations.u_curvature, CURVATURE);
  }
}
