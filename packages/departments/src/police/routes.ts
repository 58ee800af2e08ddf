import type { FastifyInstance } from 'fastify';
import { isValidResidentId } from '../identifiers/resident-id.js';
import type { Population } from '../population/population.js';

/** The sandbox 公安 population service: one resident by ID number. */
export async function policeRoutes(app: FastifyInstance, opts: { population: Population }) {
  app.get<{ Params: { idNumber: string } }>('/police/v1/persons/:idNumber', async (request, reply) => {
    const { idNumber } = request.params;
    if (!isValidResidentId(idNumber)) {
      return reply.code(400).send({ errcode: 'INVALID_ID_NUMBER', errmsg: '身份证号码格式或校验位错误' });
    }
    const person = opts.population.find(idNumber);
    if (!person) return reply.code(404).send({ errcode: 'PERSON_NOT_FOUND', errmsg: '未查询到该人员信息' });
    return person;
  });
}
