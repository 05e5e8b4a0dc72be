import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, type ErrorCode } from '../errors';
import { localeOf, localizeValidation } from './validation-messages';

/** Writes an RFC 9457 problem. Nothing from the underlying exception reaches the client. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const locale = localeOf(request.headers['accept-language']);
  const entry = ERROR_CODES[error.code];
  return reply
    .status(error.status)
    .type('application/problem+json')
    .send({
      type: `https://ieum.example/problems/${error.code.replace('.', '/')}`,
      title: entry[locale],
      status: error.status,
      code: error.code,
      ...(error.detail ? { detail: error.detail[locale] } : {}),
      ...error.extensions,
      instance: request.id,
      ...(error.fieldErrors
        ? {
            errors: error.fieldErrors.map((field) => ({
              path: field.path,
              message: typeof field.message === 'string' ? field.message : field.message[locale],
            })),
          }
        : {}),
    });
}

/** The one error handler: known errors keep their code, validation gets field messages, the rest is a logged 500. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = localeOf(request.headers['accept-language']);
  if (error instanceof AppError) return sendProblem(request, reply, error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    return sendProblem(
      request,
      reply,
      new AppError('request.invalid', {
        fieldErrors: localizeValidation(error.validation, locale, validationSource(request, error)),
      }),
    );
  }
  const fastifyCodes: Partial<Record<string, ErrorCode>> = {
    FST_ERR_CTP_BODY_TOO_LARGE: 'payload.too_large',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.invalid',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'request.invalid',
    FST_ERR_CTP_INVALID_JSON_BODY: 'request.invalid',
  };
  const mapped = error.code ? fastifyCodes[error.code] : undefined;
  if (mapped) return sendProblem(request, reply, new AppError(mapped));
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(request, reply, new AppError('request.invalid'));
  }
  // Only the error's class and code are logged: messages of driver errors can quote row values.
  request.log.error(
    { err: { type: error.name, code: error.code, stack: error.stack?.split('\n').slice(1).join('\n') } },
    'unhandled error',
  );
  return sendProblem(request, reply, new AppError('internal.error'));
}

/** The part of the request the failed schema checked (body, querystring or params). */
function validationSource(request: FastifyRequest, error: { validationContext?: string }): unknown {
  switch (error.validationContext) {
    case 'querystring':
      return request.query;
    case 'params':
      return request.params;
    case 'headers':
      return request.headers;
    default:
      return request.body;
  }
}
